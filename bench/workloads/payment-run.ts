/**
 * Month-end payment run (issue 21, point 6): 10,000 families' support open, their rent instalments
 * of one month ordered on the due day, the bank file of the month exported, the bank's answers
 * imported, and the same answers imported again — on the real Nest application (AppModule.forRoot,
 * minus the HTTP listener) on SQLite files in bench/.data, with the deadline scheduler, the command
 * handlers, the payment register and the payments controller a production run goes through.
 *
 * Setup (not timed as the run): each family's application is submitted through the controller (its
 * notices need a personal cabinet), its arrival turned into its OpenSupport command by the
 * process's own rule (`openSupportOnArrival`) and sent through the CommandBus, and the relocation
 * payments (due on the registration day) are ordered first, so that the month-end run orders exactly
 * the month's rent instalments. Then the clock moves to the rent day and four moments are timed:
 *   - the run: `DeadlineScheduler.fireDue()` until nothing is due — one IssuePaymentOrder per family,
 *     each appended on its support stream — and the payment register caught up with it;
 *   - the export: the month's pending orders read from the register and written as the bank file;
 *   - the import of the bank's answers (every order paid), through `PaymentsController.bankAnswers`,
 *     and until every applicant's notice of the payment is issued (the notice process runs alongside);
 *   - the re-import of the same file: nothing recorded (the command ids derive from the answers).
 *
 *   [PAYMENT_RUN_FAMILIES=N] node --expose-gc --require test/support/swc-register.js \
 *     bench/workloads/payment-run.ts [--quick]
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomBytes } from 'node:crypto';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FamilyArrived } from '@domain/application';
import { openSupportOnArrival } from '@domain/review-process/rules/on-arrival';
import { kzIbanOf, type DecidedSupportCommand } from '@domain/support';
import type { EventStore } from '@libs/event-sourcing';
import { KANDAS_NAMESPACE, uuidV5 } from '@libs/event-sourcing';
import { EVENT_STORE, SubscriptionsHost } from '@libs/event-sourcing-nest';
import {
  ANSWERS_FILE_HEADER,
  DeadlineScheduler,
  LAW_IN_FORCE,
  type LawInForce,
  paymentFile,
  READ_MODELS_DB,
  SEPARATOR,
  SupportCommandMessage,
  type Untimed,
} from '@libs/workflow';
import { PaymentRegisterQuery } from '@infra/read-models';
import { readRuntimeConfig } from '@infra/config/runtime-config';
import { AppModule } from '../../apps/back-office/src/app.module';
import { PaymentsController } from '../../apps/back-office/src/payments/payments.controller';
import { ApplicationsController } from '../../apps/back-office/src/commands/applications.controller';
import { createAppLogger } from '../../apps/back-office/src/observability/app-logger';
import { SeedClock } from '../../apps/cli/src/seed/seed-clock';
import { peakRssMb } from '../support/memory';
import { emitReport, type Measurement } from '../support/result';
import { isQuick, scratchDir } from '../support/scratch';
import { millisSince, now, perSecond } from '../support/stats';
import { freshSubmission, PERSONS_PER_APPLICATION, QUOTA, QUOTA_ORDER } from '../support/workflow-journey';
import { AdminController } from '../../apps/back-office/src/admin/admin.controller';

const quick = isQuick();
const SETUP = {
  families: quick ? 50 : Number(process.env.PAYMENT_RUN_FAMILIES ?? 10_000),
  /** Everyone arrives on one day, so that every rent instalment of a month falls due on one day. */
  arrivedOn: '2026-11-19',
  registeredOn: '2026-11-20',
  /** The first rent instalment: the 10th of the month after arrival (payment terms v1), a Thursday. */
  month: '2026-12',
  rentDayStart: '2026-12-10T06:00:00+05:00',
  monthlyRateMci: 20,
};
const PAYMENTS_OFFICER = { id: 'payments-1', role: 'payments' as const };

let serviceLog: ReturnType<typeof createWriteStream> | undefined;
const logger = createAppLogger({ destination: { write: (line) => void serviceLog?.write(line) } });

async function main(): Promise<void> {
  const scratch = scratchDir('payment-run');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KANDAS_EVENTS_FILE: join(scratch.dir, 'events.sqlite'),
    KANDAS_READ_MODELS_FILE: join(scratch.dir, 'read-models.sqlite'),
    KANDAS_JWT_SECRET: randomBytes(32).toString('hex'),
    KANDAS_OTP_SECRET: randomBytes(32).toString('hex'),
    KANDAS_OTP_DELIVERY: 'echo',
    KANDAS_COMMAND_RATE_LIMITS: 'off',
  };
  serviceLog = createWriteStream(join(scratch.dir, 'service.log'));
  const clock = new SeedClock(`${SETUP.registeredOn}T12:00:00+05:00`);
  const config = readRuntimeConfig(env);
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(config, { env, clock, schedulerIntervalMs: null, noticeDeliveryIntervalMs: null }),
    { logger, abortOnError: false },
  );
  await app.init();
  try {
    const settle = settler(app);
    const scheduler = app.get(DeadlineScheduler);
    const register = new PaymentRegisterQuery(app.get(READ_MODELS_DB));

    // Setup: the supports open, the relocation payments ordered on the registration day.
    const setupStarted = now();
    await openSupports(app);
    await settle();
    clock.set(`${SETUP.registeredOn}T18:30:00+05:00`);
    const relocations = await fireAll(scheduler, settle);
    await settle();
    const setupMs = millisSince(setupStarted);
    const rssBeforeRun = process.memoryUsage().rss / 2 ** 20;

    // The month-end run: the rent day's instalments ordered, the register caught up.
    clock.set(SETUP.rentDayStart);
    const runStarted = now();
    const ordered = await fireAll(scheduler, settle);
    const runMs = millisSince(runStarted);
    if (ordered !== SETUP.families) throw new Error(`ordered ${ordered} instalments, expected ${SETUP.families}`);

    // The export: the month's pending orders as the bank's file, its control total the register's.
    const exportStarted = now();
    const file = paymentFile(register.pendingOrders(SETUP.month));
    const exportMs = millisSince(exportStarted);
    const pending = register.totals(SETUP.month).reduce((sum, row) => sum + row.pending, 0);
    if (file.orders !== SETUP.families || file.controlTotal !== pending)
      throw new Error(`the file holds ${file.orders} orders for ${file.controlTotal}; the register ${pending} pending`);

    // The bank's answers, imported as a payments officer does, then the same file again.
    const answers = answersFileOf(file.text, '2026-12-11');
    const payments = app.get(PaymentsController);
    const meta = { actor: PAYMENTS_OFFICER, fingerprint: { method: 'POST', path: '/payments/bank-answers' } };
    const importStarted = now();
    const imported = await payments.bankAnswers({ file: answers }, meta);
    const importMs = millisSince(importStarted);
    // Each payment made is told to the applicant: the notice process (running alongside) catches up.
    await settle();
    const toldMs = millisSince(importStarted);
    const reimportStarted = now();
    const reimported = await payments.bankAnswers({ file: answers }, meta);
    const reimportMs = millisSince(reimportStarted);
    if (
      imported.recorded !== SETUP.families ||
      reimported.recorded !== 0 ||
      reimported.alreadyRecorded !== SETUP.families
    )
      throw new Error(`import ${JSON.stringify(imported)} / re-import ${JSON.stringify(reimported)}`);
    const paid = register.totals(SETUP.month).reduce((sum, row) => sum + row.paid, 0);
    if (paid !== file.controlTotal) throw new Error(`paid ${paid}, the file's control total ${file.controlTotal}`);

    const families = SETUP.families.toLocaleString('en-US');
    const line = (label: string, ms: number, count: number) =>
      process.stdout.write(`${label}: ${Math.round(ms)} ms (${Math.round(perSecond(count, ms))}/s)\n`);
    line(`month-end run, ${families} instalments ordered and in the register`, runMs, ordered);
    line('bank file export', exportMs, file.orders);
    line('bank answers import', importMs, imported.recorded);
    line('  … and every applicant told (notices issued, register caught up)', toldMs, imported.recorded);
    line('bank answers re-import (nothing recorded)', reimportMs, reimported.alreadyRecorded);
    const measurement = (
      name: string,
      ms: number,
      count: number,
      details: Record<string, unknown> = {},
    ): Measurement => ({
      name: `payment run · ${name}`,
      subject: 'ours',
      value: ms,
      unit: 'ms',
      better: 'lower',
      details: { orders: count, perSecond: Math.round(perSecond(count, ms)), ...details },
    });
    emitReport({
      workload: 'payment-run',
      setup: {
        ...SETUP,
        setupMs: Math.round(setupMs),
        relocationOrders: relocations,
        fileBytes: Buffer.byteLength(file.text),
        controlTotal: file.controlTotal,
        eventsFileMb: Math.round(statSync(env.KANDAS_EVENTS_FILE!).size / 2 ** 20),
        sqliteSynchronous: config.sqliteSynchronous,
        rssBeforeRunMb: Math.round(rssBeforeRun),
        peakRssMb: Math.round(peakRssMb()),
      },
      measurements: [
        measurement(`month-end run of ${families} instalments (ordered, in the register)`, runMs, ordered),
        measurement(`bank file of ${families} orders`, exportMs, file.orders, { bytes: Buffer.byteLength(file.text) }),
        measurement(`bank answers import, ${families} paid`, importMs, imported.recorded),
        measurement(`bank answers import to every payment notice issued`, toldMs, imported.recorded),
        measurement(`bank answers re-import, ${families} already recorded`, reimportMs, reimported.alreadyRecorded),
        {
          name: 'payment run · peak memory',
          subject: 'ours',
          value: Math.round(peakRssMb()),
          unit: 'MB',
          better: 'lower',
          details: { rssBeforeRunMb: Math.round(rssBeforeRun) },
        },
      ],
    });
  } finally {
    await app.close();
    await new Promise<void>((resolve) => serviceLog!.end(resolve));
    scratch.dispose();
  }
}

/**
 * Each family: its application submitted through the controller as the portal does (so that the
 * notices of its payments reach a personal cabinet), then its arrival turned into its OpenSupport by
 * the process's own rule and sent as the saga sends it. The application is not taken through review
 * and inclusion: the run measured here starts after them, and the support's decider is what orders.
 */
async function openSupports(app: INestApplicationContext): Promise<void> {
  const commandBus = app.get(CommandBus);
  const law = app.get<LawInForce>(LAW_IN_FORCE);
  const applications = app.get(ApplicationsController);
  // The year's quota the applications are filed under, as an administrator enters it.
  const order = { capacity: SETUP.families * PERSONS_PER_APPLICATION, order: QUOTA_ORDER };
  await app.get(AdminController).setQuota(QUOTA.region, QUOTA.year, QUOTA.category, order, {
    actor: { id: 'admin-1', role: 'admin' },
    fingerprint: { method: 'PUT', path: `/quotas/${QUOTA.region}/${QUOTA.year}/${QUOTA.category}`, body: order },
  });
  for (let i = 0; i < SETUP.families; i++) {
    const { body } = freshSubmission();
    const key = `bench-payment-family-${i}`;
    const { applicationId } = await applications.submit(body as never, {
      actor: { id: 'egov', role: 'portal' },
      idempotencyKey: key,
      fingerprint: { method: 'POST', path: '/applications', body },
    });
    const arrived: FamilyArrived = {
      type: 'FamilyArrived',
      data: {
        applicationId,
        quota: QUOTA,
        settlement: { kind: 'town', name: 'Экибастуз' },
        arrivedOn: SETUP.arrivedOn,
        registration: { address: `ул. Абая ${i + 1}`, registeredOn: SETUP.registeredOn },
        recipient: { iin: '850315400124', iban: kzIbanOf('601', String(1_000_000_000_000 + i)) },
        support: { persons: PERSONS_PER_APPLICATION, monthlyRateMci: SETUP.monthlyRateMci },
        recordedBy: 'portal',
        termsVersion: '1',
        recordedAt: `${SETUP.registeredOn}T07:00:00.000Z`,
      },
    };
    const [intent] = openSupportOnArrival(arrived, { policy: law.current(), now: new Date() });
    if (intent?.kind !== 'send') throw new Error('the arrival opened no support');
    const commandId = uuidV5(`bench-open-support:${applicationId}`, KANDAS_NAMESPACE);
    await commandBus.execute(
      new SupportCommandMessage(intent.command as Untimed<DecidedSupportCommand>, {
        commandId,
        correlationId: commandId,
        causationId: commandId,
        actor: { id: 'review-process', role: 'system' },
        now: new Date(`${SETUP.registeredOn}T07:00:00.000Z`),
      }),
    );
  }
}

/**
 * Ticks the scheduler until nothing is due, as its timer would on the day without the waits between
 * ticks: a tick fires a batch, and the pending-deadlines read model learns from the orders appended
 * (its subscription) that they are no longer due before the next tick takes the next batch.
 */
async function fireAll(scheduler: DeadlineScheduler, settle: () => Promise<void>): Promise<number> {
  let fired = 0;
  for (let round = 0; ; round++) {
    const now = await scheduler.fireDue();
    if (now === 0) return fired;
    fired += now;
    await settle();
    if (round > 10_000) throw new Error('the scheduler keeps firing');
  }
}

/** Waits until every subscription (register, deadlines, sagas, notices) has caught up with the store. */
function settler(app: INestApplicationContext): () => Promise<void> {
  const store = app.get<EventStore>(EVENT_STORE);
  const host = app.get(SubscriptionsHost);
  return async () => {
    for (let round = 0; round < 100; round++) {
      const head = await store.headPosition();
      if (head === null) return;
      for (const runner of host.runners) await runner.waitFor(head);
      if ((await store.headPosition()) === head) return;
    }
    throw new Error('the workflow did not settle');
  };
}

/** The bank's answers to a payment file: every order paid on `paidOn` (docs/payments/bank-file.md). */
function answersFileOf(paymentFileText: string, paidOn: string): string {
  const orders = paymentFileText
    .split('\r\n')
    .slice(1)
    .filter((line) => line !== '' && !line.startsWith('TOTAL'))
    .map((line) => line.split(SEPARATOR));
  const lines = orders.map(([orderId, applicationId]) =>
    [orderId, applicationId, 'paid', paidOn, `BANK-${orderId}`, ''].join(SEPARATOR),
  );
  return `${[ANSWERS_FILE_HEADER.join(SEPARATOR), ...lines].join('\r\n')}\r\n`;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `payment-run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
