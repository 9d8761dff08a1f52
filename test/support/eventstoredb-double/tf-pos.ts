/**
 * A position in the transaction file as the server compares it: (commit, prepare), commit first
 * (EventStore.Core/Data/TFPos.cs). An event appended over gRPC is an implicitly committed prepare
 * whose position is (P, P), P its log offset; a read page ends at (next record, 0), a position
 * BETWEEN records ("everything before the next record"), and that is what a filtered subscription's
 * checkpoint may be.
 */
export interface TFPos {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** `TFPos.HeadOfTf` (-1, -1): before the first record; never sent to a client. */
export const HEAD_OF_TF: TFPos = { commit: -1n, prepare: -1n };

export function at(position: bigint): TFPos {
  return { commit: position, prepare: position };
}

/** Forward `$all` order. */
export function compareTFPos(a: TFPos, b: TFPos): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function maxTFPos(a: TFPos, b: TFPos): TFPos {
  return compareTFPos(a, b) >= 0 ? a : b;
}
