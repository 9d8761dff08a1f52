/**
 * TEMPORARY BRIDGE (issue 20, part 2): the hearing's and the complaint's endpoints, typed by hand
 * from the contract in the brief while the API that serves them is being written. When the
 * back office has them, `npm run console:api` generates their types into `openapi.d.ts`; then the
 * integrator replaces `bridge` by `api`, these shapes by ones taken from `paths` (as `shapes.ts`
 * does) and deletes this file. Nothing else in the console needs to change: the screens import
 * only the names exported here.
 */
import createClient from 'openapi-fetch';
import type { ApplicationDetails, SlaClock } from './shapes';
import { bearerAndLanguage, data } from './client';
// The words of the domain itself (the API answers them as they are): typed once, there.
import type { AddedDocument, HearingAttendance, HearingWay, RefusalSource } from '@domain/application/hearing-events';
import type { ComplaintAgainst, Remedy } from '@domain/application/complaint-events';

type Instant = string;
/** yyyy-MM-dd */
type CalendarDate = string;

export type { AddedDocument, HearingAttendance, HearingWay, RefusalSource };
export type { ComplaintAgainst, Remedy };
export type ComplaintState = 'open' | 'satisfied' | 'rejected';

export interface OfferedHearing {
  readonly way: HearingWay;
  readonly place?: string;
  readonly heldBy: Instant;
}

export interface Objection {
  readonly objectionId: string;
  readonly text: string;
  readonly at: Instant;
  readonly documentsAdded: AddedDocument[];
}

export interface HeldHearing {
  readonly heardBy: string;
  readonly heldAt: Instant;
  readonly attendance: HearingAttendance;
  readonly statement: string;
  readonly documentsAdded: AddedDocument[];
}

export interface RefusalProposal {
  readonly source: RefusalSource;
  readonly grounds: string[];
  readonly explanation: string;
  readonly proposedAt: Instant;
  readonly proposedBy: string;
  readonly hearing: OfferedHearing;
  readonly noticeDueBy: Instant | null;
  readonly noticeLate: boolean;
  readonly objections: Objection[];
  readonly heard: HeldHearing | null;
}

export interface Complaint {
  readonly complaintId: string;
  readonly against: ComplaintAgainst;
  readonly text: string;
  readonly filedAt: Instant;
  readonly considerBy: Instant;
  readonly state: ComplaintState;
  readonly remedy?: Remedy;
  readonly reasons?: string;
  readonly decidedAt?: Instant;
  readonly decidedBy?: string;
  readonly atRisk: boolean;
  readonly breached: boolean;
  readonly escalated: boolean;
}

export interface Revocation {
  readonly decision: { readonly number: string; readonly date: CalendarDate };
  readonly revokedFrom: 'included' | 'refused';
  readonly remedy: Remedy;
  readonly revokedAt: Instant;
  readonly subsidiesStopped: { readonly kind: string; readonly amount: number; readonly grantedAt: Instant }[];
}

/** What `GET /applications/{id}` gains (ADR 32): absent from an API that has not got it yet. */
export interface HearingAndComplaints {
  readonly refusalProposal: RefusalProposal | null;
  readonly complaints: Complaint[];
  readonly revocations: Revocation[];
}

/** The proposal, complaints and revocations of an application, empty when the API does not send them (yet). */
export function hearingAndComplaintsOf(details: ApplicationDetails): HearingAndComplaints {
  const more = details as ApplicationDetails & Partial<HearingAndComplaints>;
  return {
    refusalProposal: more.refusalProposal ?? null,
    complaints: more.complaints ?? [],
    revocations: more.revocations ?? [],
  };
}

/** `refusal-proposed` is a status the generated types do not list yet. */
export function isRefusalProposed(details: ApplicationDetails): boolean {
  return (details.status as string) === 'refusal-proposed';
}

export interface ProposedRefusalItem {
  readonly applicationId: string;
  readonly applicantName: string;
  readonly region: string;
  readonly category: string;
  readonly source: RefusalSource;
  readonly grounds: string[];
  readonly proposedAt: Instant;
  readonly hearing: OfferedHearing;
  readonly noticeDueBy: Instant | null;
  readonly noticeLate: boolean;
  readonly objections: number;
  readonly heardAt: Instant | null;
  readonly dueAt: Instant | null;
  readonly clock: SlaClock;
}

export interface OpenComplaintItem {
  readonly applicationId: string;
  readonly complaintId: string;
  readonly applicantName: string;
  readonly region: string;
  readonly against: ComplaintAgainst;
  readonly filedAt: Instant;
  readonly considerBy: Instant;
  readonly atRisk: boolean;
  readonly breached: boolean;
  readonly escalated: boolean;
  readonly clock: SlaClock;
}

interface Page<T> {
  readonly data: { readonly items: T[]; readonly nextCursor: string | null };
}

export interface RecordHearingBody {
  heldAt: Instant;
  attendance: HearingAttendance;
  statement: string;
  documentsAdded?: AddedDocument[];
}
export interface AuthorityDecisionBody {
  complaintId?: string;
  authority: string;
  documentNumber: string;
  date: CalendarDate;
  outcome: 'satisfied' | 'rejected';
  remedy?: Remedy;
}

/** The answer of every command endpoint (CommandResponseSchema), as far as the console reads it. */
interface CommandAnswer {
  readonly position: string | null;
  readonly events: string[];
  readonly alreadyHandled: boolean;
}
interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: { field: string; reason: string }[];
}

interface CommandHeaders {
  'If-Match'?: string;
  'Idempotency-Key'?: string;
}
type Command<Path, Body> = {
  parameters: { path: Path; header?: CommandHeaders; query?: never; cookie?: never };
  requestBody: { content: { 'application/json': Body } };
  responses: {
    200: { headers: Record<string, unknown>; content: { 'application/json': CommandAnswer } };
    default: { headers: Record<string, unknown>; content: { 'application/problem+json': Problem } };
  };
};
type Query<Item> = {
  parameters: { query?: { cursor?: string; limit?: string; atLeast?: string }; header?: never; path?: never };
  requestBody?: never;
  responses: {
    200: { headers: Record<string, unknown>; content: { 'application/json': Page<Item> } };
    default: { headers: Record<string, unknown>; content: { 'application/problem+json': Problem } };
  };
};
type OnApplication = { id: string };

/** The contract's paths, shaped as openapi-typescript writes them, so the switch to `api` is a rename. */
export interface BridgePaths {
  '/applications/{id}/hearing': { post: Command<OnApplication, RecordHearingBody> };
  '/applications/{id}/refusal/confirm': { post: Command<OnApplication, Record<string, never>> };
  '/applications/{id}/refusal/reopen': { post: Command<OnApplication, { reason: string }> };
  '/applications/{id}/complaints/{complaintId}/satisfy': {
    post: Command<OnApplication & { complaintId: string }, { remedy: Remedy; reason: string }>;
  };
  '/applications/{id}/complaints/{complaintId}/reject': {
    post: Command<OnApplication & { complaintId: string }, { reasons: string }>;
  };
  '/applications/{id}/authority-decisions': { post: Command<OnApplication, AuthorityDecisionBody> };
  '/queues/hearings': { get: Query<ProposedRefusalItem> };
  '/queues/complaints': { get: Query<OpenComplaintItem> };
}

/** The same origin, token and language as `api` (client.ts): only the types are written by hand. */
export const bridge = createClient<BridgePaths>({ baseUrl: window.location.origin });
bridge.use(bearerAndLanguage);

/** A page of the proposed refusals, earliest deadline first (reviewers and supervisors). */
export async function hearingsPage(cursor: string | undefined) {
  return (await data(bridge.GET('/queues/hearings', { params: { query: { cursor } } }))).data;
}

/** A page of the open complaints, earliest consider-by first (supervisors). */
export async function complaintsPage(cursor: string | undefined) {
  return (await data(bridge.GET('/queues/complaints', { params: { query: { cursor } } }))).data;
}
