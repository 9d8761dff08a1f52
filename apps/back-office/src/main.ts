import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import { AppModule } from './app.module';
import { configureHttp } from './bootstrap';
import { JsonLogger } from './observability/json-logger';

async function bootstrap(): Promise<void> {
  const config = readRuntimeConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: new JsonLogger(), bodyParser: false });
  configureHttp(app);
  await app.listen(config.port, config.host);
  const where = config.eventStore === 'sqlite' ? ` (${config.eventsFile})` : '';
  new Logger('Bootstrap').log(`Back office on http://${config.host}:${config.port} (API description at /docs), event store: ${config.eventStore}${where}`);
}

void bootstrap();
