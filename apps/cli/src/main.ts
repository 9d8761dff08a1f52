import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { WorkflowModule } from '@libs/workflow';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import { runCommand } from './run-command';

/** Operators' and auditors' CLI: `npm run cli -- <command> [arguments]`; `help` lists the commands. */
async function main(argv: readonly string[]): Promise<number> {
  const config = readRuntimeConfig();
  const app = await NestFactory.createApplicationContext(
    WorkflowModule.forRoot({ runtime: config, schedulerIntervalMs: null, runSubscriptions: false }),
    { logger: ['error', 'warn'] },
  );
  try {
    return await runCommand(app, argv, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
