import type { LoggerService } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { Params } from 'nestjs-pino';
import { pino } from 'pino';
import type { DestinationStream, Level, LoggerOptions } from 'pino';
import { maskPersonalText } from '@domain/shared/personal-data-mask';
import { WORKFLOW_PERSONAL_DATA } from '@libs/workflow';

/**
 * A finished log line through the undeclared pass of every masked view (ADR 26): an IIN, an e-mail
 * or a phone number in a sentence is masked as its kind.
 */
export function maskPersonalData(text: string): string {
  return maskPersonalText(text);
}

/**
 * Fields that hold a person or a credential, should an object carrying them ever reach a log (our
 * code logs sentences, not requests): every key the personal-data declarations name (ADR 26), and
 * `contacts` whole. pino removes them before the line is written.
 */
const PERSONAL_FIELDS = [
  ...new Set([
    'contacts',
    ...Object.values(WORKFLOW_PERSONAL_DATA).flatMap((declaration) =>
      Object.keys(declaration.fields).map((path) => path.split('.').at(-1)!.replace('[]', '')),
    ),
  ]),
];
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body',
  'req.query',
  ...PERSONAL_FIELDS,
  ...PERSONAL_FIELDS.map((field) => `*.${field}`),
];

/**
 * One JSON object per line with `time` (ISO), `level` (its name), `context` and `message`, the shape
 * the ministry's log pipeline reads. Redaction works on known paths only, and an IIN also turns up
 * inside sentences (an error quoting a signer): so the finished line goes through
 * `maskPersonalData` too, keys, values and stack traces alike.
 */
export function pinoOptions(level: Level): LoggerOptions {
  return {
    level,
    messageKey: 'message',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED, censor: '[redacted]' },
    hooks: { streamWrite: maskPersonalData },
  };
}

/**
 * The back office's Nest logger: nestjs-pino over pino. It writes to process.stdout, which is
 * synchronous for files and pipes, so the line `Cannot start: …` is out before `process.exit(1)`.
 * No access log (pino-http's autoLogging): a request line would carry the query, where names and
 * IINs travel, for no question an operator asks; an answer ≥ 500 is logged by the problem filter.
 */
export function createAppLogger(options: { level?: Level; destination?: DestinationStream } = {}): LoggerService {
  const root = pino(pinoOptions(options.level ?? 'info'), options.destination ?? process.stdout);
  const params: Params = { pinoHttp: { logger: root, autoLogging: false } };
  return new Logger(new PinoLogger(params), params);
}
