import type { SchemaObject } from '@nestjs/swagger';
import { integer, object, oneOf, text } from '../http/openapi/json-schema';

/**
 * The answers of the probes, as Terminus sends them (not problem documents: probes read this shape,
 * see HealthController). Our indicators are up or down, never degraded; a down one names its `fault`.
 */
const indicatorStatus = oneOf('up', 'down');
const fault = {
  fault: text(
    'What is wrong, when down: `closed`, `disk-full`, `locked`, `corrupt`, `read-only`, `io` or `unreachable`',
  ),
  error: text('The detail of the fault, when down'),
};

const EVENT_STORE = object(
  { status: indicatorStatus, head: { ...text('The head position (as a string), when up'), nullable: true }, ...fault },
  ['head', 'fault', 'error'],
);
const READ_MODELS = object({ status: indicatorStatus, ...fault }, ['fault', 'error']);
const SUBSCRIPTIONS: SchemaObject = {
  ...object({ status: indicatorStatus }),
  description: 'The state of every subscription by its name (`review-saga`: `running`, …); down when one has failed',
  additionalProperties: oneOf('idle', 'running', 'stopped', 'failed'),
};

const NOTICES = object({
  status: oneOf('up'),
  mode: oneOf('portal', 'kept-for-the-api'),
  delivery: {
    ...oneOf('ok', 'degraded', 'not-configured'),
    description: 'degraded: a notice parked, or one waiting more than 15 minutes (never fails readiness)',
  },
  queued: integer('Notices waiting for delivery'),
  parked: integer('Notices parked after the allowed attempts'),
  oldestUndeliveredSeconds: integer('How long the oldest waiting notice has waited'),
});

const INDICATORS = {
  eventStore: EVENT_STORE,
  readModels: READ_MODELS,
  subscriptions: SUBSCRIPTIONS,
  notices: NOTICES,
};
/** `info` holds the indicators up, `error` those down (each some of them), `details` all of them. */
const SOME_INDICATORS = object(INDICATORS, Object.keys(INDICATORS));

const checkResult = (...status: string[]): SchemaObject =>
  object({ status: oneOf(...status), info: SOME_INDICATORS, error: SOME_INDICATORS, details: object(INDICATORS) });

export const HEALTH_RESPONSES = {
  live: object({ status: oneOf('ok') }),
  ready: checkResult('ok'),
  notReady: checkResult('error', 'shutting_down'),
} satisfies Record<string, SchemaObject>;
