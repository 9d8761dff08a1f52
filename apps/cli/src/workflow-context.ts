import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkflowModule } from '@apps/composition-root';
import { readRuntimeConfig } from '@infra/config/runtime-config';

/**
 * Runs one command on the workflow as the operators' commands need it (no scheduler, no
 * subscriptions: nothing reacts to what a command reads or appends), then closes it. Booted inside
 * each command's action, so `--help` and refused arguments open no database.
 */
export async function withWorkflow(use: (app: INestApplicationContext) => Promise<number>): Promise<number> {
  const config = readRuntimeConfig();
  const app = await NestFactory.createApplicationContext(
    WorkflowModule.forRoot({
      runtime: config,
      schedulerIntervalMs: null,
      runSubscriptions: false,
      // The service records the law's initial amendments at its start: a tool reads the store as it is.
      recordLawBaseline: false,
    }),
    { logger: ['error', 'warn'] },
  );
  try {
    return await use(app);
  } finally {
    await app.close();
  }
}
