import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import { AppModule } from './app.module';
import { configureHttp } from './bootstrap';
import { createAppLogger } from './observability/app-logger';

const logger = createAppLogger();

async function bootstrap(): Promise<void> {
  const config = readRuntimeConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    bodyParser: false,
    abortOnError: false,
  });
  configureHttp(app);
  await app.listen(config.port, config.host);
  const where = config.eventStore === 'sqlite' ? ` (${config.eventsFile})` : '';
  new Logger('Bootstrap').log(
    `Back office on http://${config.host}:${config.port} (API description at /docs), event store: ${config.eventStore}${where}`,
  );
}

// A file that is locked, corrupt or on a full disk, or a bad setting, stops the start with one clear
// line for the operator (and a non-zero exit for the supervisor), not a stack trace of the framework.
bootstrap().catch((error: unknown) => {
  logger.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`, 'Bootstrap');
  process.exit(1);
});
