import { QuotaKey } from './quota-key';

/** The minister's order that set a capacity. `number` is '' when the order's number is unknown. */
export interface QuotaOrderRef {
  readonly number: string;
  /** 'yyyy-MM-dd' */
  readonly date: string;
}

/** Every command names the quota it targets and the instant it was issued (ISO 8601, with offset). */
interface QuotaCommandBase extends QuotaKey {
  readonly at: string;
}

/** Sets (or, by a new order, changes) how many persons the quota admits. */
export interface SetQuotaCapacity extends QuotaCommandBase {
  readonly type: 'SetQuotaCapacity';
  /** Persons, an integer ≥ 0. */
  readonly capacity: number;
  readonly order: QuotaOrderRef;
}

/** Asks for seats for an application: the applicant plus the family members moving with him. */
export interface ReserveSeats extends QuotaCommandBase {
  readonly type: 'ReserveSeats';
  readonly applicationId: string;
  /** Persons, an integer ≥ 1. */
  readonly persons: number;
  /**
   * Absent for the first question, after the review. A question asked again after a proposed refusal
   * was reopened as eligible, or after a decision was revoked (ADR 32), is a new question: an earlier
   * "declined" does not answer it. Echoed in the answer, so the process knows whether the applicant
   * was already heard.
   */
  readonly askedAfter?: AskedAfter;
}

export type AskedAfter = 'reopened-review' | 'revoked-decision';

/** Gives an application's seats back (refusal, withdrawal, revocation). */
export interface ReleaseSeats extends QuotaCommandBase {
  readonly type: 'ReleaseSeats';
  readonly applicationId: string;
  readonly reason: string;
  /**
   * The decision the release follows, when a later decision can undo it (ADR 32): a refusal, or an
   * inclusion, revoked since and followed by a new reservation. With `applicationStatus` — the
   * application's status when the release is decided, read by whoever sends it — the release gives
   * back only what is still that decision's.
   */
  readonly follows?: 'refusal' | 'revoked-inclusion';
  readonly applicationStatus?: string;
}

export type QuotaCommand = SetQuotaCapacity | ReserveSeats | ReleaseSeats;
