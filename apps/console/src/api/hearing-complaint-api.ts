/**
 * The hearing's and the complaint's shapes and reads (ADR 32), taken from the generated types of the
 * service's OpenAPI document like `shapes.ts`: a field the API does not send is a type error here.
 */
import type { paths } from './openapi';
import type { ApplicationDetails } from './shapes';
import { api, data } from './client';

type Ok<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer Body } } } };
}
  ? Body
  : never;
type Body<P extends keyof paths> = paths[P] extends {
  post: { requestBody?: { content: { 'application/json': infer Sent } } };
}
  ? Sent
  : never;

export type RefusalProposal = NonNullable<ApplicationDetails['refusalProposal']>;
export type OfferedHearing = RefusalProposal['hearing'];
export type Objection = RefusalProposal['objections'][number];
export type HeldHearing = NonNullable<RefusalProposal['heard']>;
export type Complaint = ApplicationDetails['complaints'][number];
export type Revocation = ApplicationDetails['revocations'][number];
export type ComplaintAgainst = Complaint['against'];
export type ComplaintState = Complaint['state'];
export type Remedy = Body<'/applications/{id}/complaints/{complaintId}/satisfy'>['remedy'];
export type RecordHearingBody = Body<'/applications/{id}/hearing'>;
export type HearingAttendance = RecordHearingBody['attendance'];
export type AddedDocument = NonNullable<RecordHearingBody['documentsAdded']>[number];
export type AuthorityDecisionBody = Body<'/applications/{id}/authority-decisions'>;
export type ProposedRefusalItem = Ok<'/queues/hearings'>['data']['items'][number];
export type OpenComplaintItem = Ok<'/queues/complaints'>['data']['items'][number];

export interface HearingAndComplaints {
  readonly refusalProposal: RefusalProposal | null;
  readonly complaints: readonly Complaint[];
  readonly revocations: readonly Revocation[];
}

/** The proposal, complaints and revocations of an application. */
export function hearingAndComplaintsOf(details: ApplicationDetails): HearingAndComplaints {
  return {
    refusalProposal: details.refusalProposal ?? null,
    complaints: details.complaints,
    revocations: details.revocations,
  };
}

export function isRefusalProposed(details: ApplicationDetails): boolean {
  return details.status === 'refusal-proposed';
}

/** A page of the proposed refusals, earliest deadline first (reviewers and supervisors). */
export async function hearingsPage(cursor: string | undefined) {
  return (await data(api.GET('/queues/hearings', { params: { query: { cursor } } }))).data;
}

/** A page of the open complaints, earliest consider-by first (supervisors). */
export async function complaintsPage(cursor: string | undefined) {
  return (await data(api.GET('/queues/complaints', { params: { query: { cursor } } }))).data;
}
