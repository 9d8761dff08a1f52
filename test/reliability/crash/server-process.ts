/**
 * The crash test's child process: the real back office, assembled exactly as
 * apps/back-office/src/main.ts does it (AppModule.forRoot + configureHttp + listen, JSON logger, no
 * default body parser), with two differences only: the clock reads the instant from the file named
 * by KANDAS_CLOCK_FILE (the test moves time), and the deadline scheduler ticks every
 * KANDAS_SCHEDULER_INTERVAL_MS (50 ms by default) so due deadlines fire on their own, and the notice
 * delivery round every KANDAS_NOTICE_DELIVERY_INTERVAL_MS (the service's 2 s unless given).
 *
 * Once listening it prints `KANDAS_CRASH_CHILD_LISTENING <port>` on stdout (PORT=0 picks a free one).
 * Keep it in step with main.ts: the point is to crash the service as it is started in production.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import { AppModule } from '../../../apps/back-office/src/app.module';
import { configureHttp } from '../../../apps/back-office/src/bootstrap';
import { createAppLogger } from '../../../apps/back-office/src/observability/app-logger';
import { LISTENING } from './child-protocol';
import { FileClock } from './file-clock';

async function bootstrap(): Promise<void> {
  const clockFile = process.env.KANDAS_CLOCK_FILE;
  if (!clockFile) throw new Error('KANDAS_CLOCK_FILE is required');
  const schedulerIntervalMs = Number(process.env.KANDAS_SCHEDULER_INTERVAL_MS ?? '50');
  const deliveryInterval = process.env.KANDAS_NOTICE_DELIVERY_INTERVAL_MS;
  const noticeDeliveryIntervalMs = deliveryInterval ? Number(deliveryInterval) : undefined;
  const config = readRuntimeConfig();
  const clock = new FileClock(clockFile);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, { clock, schedulerIntervalMs, noticeDeliveryIntervalMs }),
    { logger: createAppLogger(), bodyParser: false, abortOnError: false },
  );
  configureHttp(app);
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  new Logger('Bootstrap').log(
    `Back office on http://${config.host}:${port}, event store: ${config.eventStore} (${config.eventsFile})`,
  );
  process.stdout.write(`${LISTENING} ${port}\n`);
}

// Test harness only: the test holds our stdin open; when it closes, the test runner is gone, and so are we.
process.stdin
  .on('end', () => process.exit(1))
  .on('error', () => process.exit(1))
  .resume();

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `crash-test server failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
