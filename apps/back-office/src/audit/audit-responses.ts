import type { SchemaObject } from '@nestjs/swagger';
import { DECISION_ANSWER } from './decision-response';
import { arrayOf, freeObject, integer, nullable, object, oneOf, pageOf, text } from '../http/openapi/json-schema';

/**
 * The response schemas of the audit routes, as `AuditTrail` (libs/workflow/src/audit) answers them.
 * Precise where the shape is fixed (the metadata, the points of a stream); open where it varies with
 * the event type or the stream's life (event data, folded states, the values of a changed field).
 */
const instant = text('An instant, ISO 8601');
const position = text('Global position in the store (64-bit, as a string)');

/** Any JSON value: a changed field may hold a string, a number, an object, an array or null. */
const anyJson = (description: string): SchemaObject => ({ description });

const AUDIT_ENTRY = object({
  position,
  streamId: text(),
  revision: integer('The event’s revision in its stream, from 0'),
  eventId: text(),
  type: text('The event type (`ApplicationSigned`, …)'),
  schemaVersion: integer('The schema version the event was stored with (its data is upcast to today’s)'),
  occurredAt: instant,
  recordedAt: instant,
  actor: object({ id: text(), role: text() }),
  commandId: text(),
  correlationId: text(),
  causationId: text(),
  data: freeObject(
    'The event data, upcast to today’s schema; its fields depend on `type`. personal data masked as declared (ADR 26) for roles that do not decide',
  ),
});

/** A history event told for people (ADR 27): the entry with its sentence and its Almaty time. */
const TOLD_ENTRY: SchemaObject = {
  ...AUDIT_ENTRY,
  properties: {
    ...AUDIT_ENTRY.properties,
    text: text(
      'The event as a sentence in the language asked (Accept-Language): Almaty time, the actor, what happened; no personal data',
    ),
    occurredAtLocal: text('occurredAt on the Almaty clock, ISO 8601 with its offset (2026-12-06T18:30:00.000+05:00)'),
  },
  required: [...(AUDIT_ENTRY.required ?? []), 'text', 'occurredAtLocal'],
};

const STATE_AS_OF = object({
  streamId: text(),
  revision: integer('The last revision folded'),
  position,
  occurredAt: text('`occurredAt` of the last event folded'),
  state: freeObject('The state the deciders folded from the events up to that point; its fields depend on the stream'),
});

const STREAM_POINT = object({
  revision: integer('-1 before the stream began'),
  position: nullable(text('Global position of the event at that point; null before the stream began')),
});

const FIELD_CHANGE = object({
  path: text('Dotted path from the state’s root (`sla.atRisk`, `reservations.<application-id>`)'),
  before: anyJson('The value before (any JSON value; null when absent)'),
  after: anyJson('The value after (any JSON value; null when absent)'),
});

const TIMELINESS_CHANGE = object({
  applicationId: text(),
  decision: oneOf('included', 'refused'),
  decisionNumber: nullable(text()),
  decisionDate: nullable(text('The decision date in Kazakhstan, yyyy-MM-dd')),
  region: text(),
  year: integer(),
  signedAt: instant,
  decidedAt: instant,
  decidedUnder: object({
    dueAt: nullable(text('The due instant the decision was judged against')),
    late: { type: 'boolean' },
  }),
  underLawInForce: object({
    dueAt: text('The due instant the law in force gives, from the same signing'),
    dueOn: text('Its day, yyyy-MM-dd'),
    calendarVersion: text('The calendar versions it was computed with'),
    late: { type: 'boolean' },
  }),
  amendments: arrayOf(
    object({
      eventId: text(),
      streamId: text('`law-calendar-<year>` or `law-sla-policy`'),
      type: oneOf('CalendarYearAmended', 'SlaPolicyAmended'),
      version: text('The version of the table the amendment made'),
      legalBasis: object({ kind: text(), number: text(), date: text(), title: text(), source: text() }, ['number']),
      recordedAt: instant,
    }),
  ),
});

const SELECTION = freeObject(
  'Exactly one of `{ stream }`, `{ correlationId }`, `{ from, to }` (occurredAt, from inclusive, to exclusive)',
);

const DISCLOSURE_GRANT = object({
  grantId: text('What the grantee passes as `grant` to export in clear'),
  grantedBy: object({ id: text('The admin who granted it'), role: text() }),
  grantee: text('The user id of the auditor who may use it, once'),
  selection: SELECTION,
  reason: text(),
  expiresAt: instant,
  grantedAt: instant,
});

export const AUDIT_RESPONSES = {
  disclosureGrant: DISCLOSURE_GRANT,
  timelinessChanges: pageOf(TIMELINESS_CHANGE),
  history: object({ applicationId: text(), events: arrayOf(TOLD_ENTRY) }),
  decision: DECISION_ANSWER,
  correlation: object({ correlationId: text(), events: arrayOf(AUDIT_ENTRY) }),
  stateAsOf: STATE_AS_OF,
  diff: object({
    streamId: text(),
    from: STREAM_POINT,
    to: STREAM_POINT,
    events: arrayOf(AUDIT_ENTRY),
    changes: arrayOf(FIELD_CHANGE),
  }),
  /** `verifyEventStore` (ADR 24): every broken link and gap, capped at 1000 listed each, and the anchor's verdict. */
  verification: object({
    ok: { type: 'boolean', description: 'True when no link is broken, no position is missing and the anchor holds' },
    store: oneOf('sqlite', 'eventstoredb', 'memory'),
    events: integer('Events read'),
    lastPosition: nullable(position),
    lastChainHash: nullable(text('The chain hash (digest on EventStoreDB) of the last event; null when empty')),
    brokenLinks: arrayOf(
      object({
        position,
        eventId: text(),
        streamId: text('The stream the event belongs to'),
        revision: integer(),
        kind: {
          type: 'string',
          enum: ['content', 'stream-link', 'chain-link', 'missing-hash'],
          description:
            'content: the row was edited; stream-link: a revision out of order with no missing position to explain it; chain-link: the global chain breaks (a hash rewritten); missing-hash: a hash is NULL',
        },
        expected: text(),
        actual: text(),
      }),
    ),
    brokenLinksTotal: integer('Every broken link found (the list stops at 1000)'),
    gaps: arrayOf(
      object({
        fromPosition: position,
        toPosition: position,
        missing: integer('Events missing (SQLite: positions; EventStoreDB: revisions of the stream)'),
        streams: arrayOf(
          object({ streamId: text(), revisions: text('The missing revisions of that stream: `4` or `3..5`') }),
        ),
      }),
    ),
    gapsTotal: integer('Every gap found (the list stops at 1000)'),
    anchor: object(
      {
        source: oneOf('checkpoint-log', 'checkpoint-file', 'expected-head', 'none'),
        status: oneOf(
          'none',
          'matches',
          'bad-signature',
          'other-store',
          'position-missing',
          'head-mismatch',
          'count-mismatch',
        ),
        position,
        headHash: text(),
        events: integer(),
        signedAt: instant,
        keyId: text(),
        detail: text('What was compared and what was found'),
      },
      ['position', 'headHash', 'events', 'signedAt', 'keyId'],
    ),
  }),
  /** A signed chain-head checkpoint (libs/workflow `SignedCheckpoint`). */
  checkpoint: object({
    version: integer('1'),
    store: oneOf('sqlite', 'eventstoredb', 'memory'),
    position,
    events: integer('Events the chain covers up to the position'),
    headHash: text('The chain hash at the position (hex SHA-256)'),
    signedAt: instant,
    trigger: oneOf('interval', 'on-demand', 'shutdown'),
    keyId: text('`ed25519:` and 16 hex digits of the public key’s SHA-256'),
    signature: text('Ed25519 over the canonical JSON of every other field, base64'),
  }),
  publicKey: object({ keyId: text(), algorithm: oneOf('Ed25519'), publicKeyPem: text('SPKI, PEM') }),
} satisfies Record<string, SchemaObject>;
