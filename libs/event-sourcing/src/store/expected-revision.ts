/**
 * What the writer believes about the stream before appending (EventStoreDB semantics):
 * an exact revision (the last event's 0-based revision), `'no-stream'`, `'stream-exists'` or `'any'`.
 */
export type ExpectedRevision = number | 'no-stream' | 'stream-exists' | 'any';

/** The revision of a stream that holds no event. */
export const NO_STREAM_REVISION = -1;

/** True when a stream whose last revision is `actual` (-1 for none) satisfies `expected`. */
export function satisfiesExpectedRevision(expected: ExpectedRevision, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === NO_STREAM_REVISION;
    case 'stream-exists':
      return actual !== NO_STREAM_REVISION;
    default:
      return expected === actual;
  }
}

export function describeExpectedRevision(expected: ExpectedRevision): string {
  return typeof expected === 'number' ? `revision ${expected}` : expected;
}
