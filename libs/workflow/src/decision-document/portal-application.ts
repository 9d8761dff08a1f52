import { officerExplanation } from '@domain/review-process';
import type { ApplicationRefused, ApplicationSigned, ApplicationSubmitted } from '@domain/application';
import { REGIONS, type ApplicantCategory, type RegionCode } from '@domain/shared/region';
import type { AuditEntry, AuditTrail } from '../audit/audit-trail';
import { decisionOf, type AmountsAnswer, type DecisionAnswer } from '../audit/timeline/application-decision';
import { groundsListsOf, type LawReading } from '../audit/timeline/grounds-lists';
import { TimelineNarrator } from '../audit/timeline/timeline-narrator';
import { readableHistory } from './application-reader';
import { bilingualGrounds, type BilingualGround } from './letter-facts';

/** What the portal shows the applicant of their own application: where it stands, its dates, its decision. */
export interface PortalApplicationView {
  readonly applicationId: string;
  readonly status: DecisionAnswer['status'];
  readonly region: { readonly code: RegionCode; readonly kk: string; readonly ru: string };
  readonly year: number;
  readonly category: ApplicantCategory;
  readonly persons: number;
  readonly submittedAt: string;
  readonly signedAt: string | null;
  /** The acceptance day and the due date of the review (14 working days), once the deadline is scheduled. */
  readonly acceptedOn: string | null;
  readonly dueOn: string | null;
  readonly dueAt: string | null;
  readonly decision: PortalDecisionView | null;
}

export interface PortalDecisionView {
  readonly outcome: 'included' | 'refused';
  readonly number: string;
  readonly date: string;
  readonly decidedAt: string;
  /** Inclusion: the subsidies granted so far and the MCI they used; null on a refusal. */
  readonly amounts: Pick<AmountsAnswer, 'relocation' | 'rent' | 'total'> & {
    readonly mci: { readonly value: number; readonly year: number } | null;
  };
  /** Refusal: each ground with its Kazakh and Russian label, from the grounds list version recorded. */
  readonly grounds: readonly BilingualGround[];
  readonly groundsListVersion: string | null;
  /** Refusal: the officer's words; null on an inclusion, or when the process wrote its own (the grounds say them). */
  readonly explanation: string | null;
  /** Where the signed letter is, and whether it can be issued yet (an inclusion waits for its subsidies). */
  readonly document: { readonly href: string; readonly ready: boolean };
}

/** The portal's reads of the applications it submitted (and only those), from their events. */
export class PortalApplications {
  private readonly narrator: TimelineNarrator;

  constructor(
    private readonly audit: AuditTrail,
    private readonly law: LawReading,
  ) {
    this.narrator = new TimelineNarrator(groundsListsOf(law));
  }

  /** Throws AuditStreamNotFoundError for an unknown application or one another portal submitted. */
  async view(applicationId: string, portalActorId: string): Promise<PortalApplicationView> {
    const entries = await readableHistory(this.audit, applicationId, { kind: 'portal', actorId: portalActorId });
    const kk = decisionOf(applicationId, entries, 'kk', this.narrator, this.law);
    const ru = decisionOf(applicationId, entries, 'ru', this.narrator, this.law);
    const submitted = dataOf<ApplicationSubmitted['data']>(entries, 'ApplicationSubmitted')!;
    const { region, year, applicant, familyMembers } = submitted.submission;
    return {
      applicationId,
      status: kk.status,
      region: { code: region, kk: REGIONS[region].kk, ru: REGIONS[region].ru },
      year,
      category: applicant.category,
      persons: 1 + familyMembers.length,
      submittedAt: submitted.submittedAt,
      signedAt: dataOf<ApplicationSigned['data']>(entries, 'ApplicationSigned')?.signedAt ?? null,
      acceptedOn: kk.deadline?.acceptedOn ?? null,
      dueOn: kk.deadline?.dueOn ?? null,
      dueAt: kk.deadline?.dueAt ?? null,
      decision: decisionViewOf(entries, kk, ru),
    };
  }
}

function decisionViewOf(
  entries: readonly AuditEntry[],
  kk: DecisionAnswer,
  ru: DecisionAnswer,
): PortalDecisionView | null {
  if (!kk.decided || kk.outcome === null) return null;
  const { relocation, rent, total, mci } = kk.amounts;
  const refusal = kk.outcome === 'refused' ? dataOf<ApplicationRefused['data']>(entries, 'ApplicationRefused') : null;
  return {
    outcome: kk.outcome,
    number: kk.decisionNumber!,
    date: kk.decisionDate!,
    decidedAt: kk.decidedAt!,
    amounts: { relocation, rent, total, mci: mci === null ? null : { value: mci.value, year: mci.year } },
    grounds: bilingualGrounds(kk, ru),
    groundsListVersion: kk.groundsListVersion,
    explanation: refusal ? officerExplanation(refusal.explanation, refusal.grounds) : null,
    document: {
      href: `/portal/applications/${kk.applicationId}/decision-document`,
      ready: kk.outcome === 'refused' || (relocation !== null && rent !== null),
    },
  };
}

function dataOf<T>(entries: readonly AuditEntry[], type: string): T | undefined {
  return entries.findLast((entry) => entry.type === type)?.data as T | undefined;
}
