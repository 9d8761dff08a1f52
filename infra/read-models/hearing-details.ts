import type { ApplicationEvent } from '@domain/application';
import { utcInstant } from './read-model-support';

type DataOf<T extends ApplicationEvent['type']> = Extract<ApplicationEvent, { type: T }>['data'];
type Proposed = DataOf<'RefusalProposed'>;
type Revoked = DataOf<'DecisionRevoked'>;

/** An objection of the applicant to a proposed refusal, as the details show it. */
export interface ObjectionDetails {
  readonly objectionId: string;
  readonly text: string;
  readonly at: string;
  readonly documentsAdded: DataOf<'ApplicantObjected'>['documentsAdded'];
}

/** The hearing's record. */
export type HeardDetails = Pick<
  DataOf<'HearingHeld'>,
  'heardBy' | 'heldAt' | 'attendance' | 'statement' | 'documentsAdded'
>;

/** The preliminary refusal (ADR 32): what the notice said, the objections, and the hearing once held. */
export interface ProposalDetails extends Pick<
  Proposed,
  'source' | 'grounds' | 'explanation' | 'proposedAt' | 'proposedBy' | 'noticeDueBy'
> {
  readonly hearing: Proposed['hearing'];
  readonly noticeLate: boolean;
  readonly seats: Proposed['seats'] | null;
  readonly objections: readonly ObjectionDetails[];
  readonly heard: HeardDetails | null;
}

/** A decision undone by a complaint or the authority. */
export interface RevocationDetails extends Pick<Revoked, 'decision' | 'revokedFrom' | 'remedy' | 'subsidiesStopped'> {
  readonly revokedAt: string;
  readonly by: Revoked['by'];
}

export function proposalDetails(d: Proposed): ProposalDetails {
  return {
    source: d.source,
    grounds: d.grounds,
    explanation: d.explanation,
    proposedAt: utcInstant(d.proposedAt),
    proposedBy: d.proposedBy,
    hearing: { ...d.hearing, heldBy: utcInstant(d.hearing.heldBy) },
    noticeDueBy: d.noticeDueBy === null ? null : utcInstant(d.noticeDueBy),
    noticeLate: d.noticeLate,
    seats: d.seats ?? null,
    objections: [],
    heard: null,
  };
}

export function objectionDetails(d: DataOf<'ApplicantObjected'>): ObjectionDetails {
  return { objectionId: d.objectionId, text: d.text, at: utcInstant(d.objectedAt), documentsAdded: d.documentsAdded };
}

export function heardDetails(d: DataOf<'HearingHeld'>): HeardDetails {
  const { heardBy, heldAt, attendance, statement, documentsAdded } = d;
  return { heardBy, heldAt: utcInstant(heldAt), attendance, statement, documentsAdded };
}

export function revocationDetails(d: Revoked): RevocationDetails {
  const { decision, revokedFrom, remedy, subsidiesStopped, by } = d;
  return { decision, revokedFrom, remedy, revokedAt: utcInstant(d.revokedAt), by, subsidiesStopped };
}
