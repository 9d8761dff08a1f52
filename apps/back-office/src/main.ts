import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const config = readRuntimeConfig();
  const app = await NestFactory.create(AppModule.forRoot(config));
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const where = config.eventStore === 'sqlite' ? ` (${config.eventsFile})` : '';
  new Logger('Bootstrap').log(`Back office on http://${config.host}:${config.port}, event store: ${config.eventStore}${where}`);
}

void bootstrap();
