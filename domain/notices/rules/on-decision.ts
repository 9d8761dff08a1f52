import { DateTime } from 'luxon';
import type { ApplicationIncluded, ApplicationRefused, SubsidyGranted } from '../../application/events';
import type { SubsidyCalculation } from '../../subsidy';
import { issueNotice, noNotice, type NoticeIntent } from '../intents';
import { decisionDocumentUrl, type ComplaintWay, type LabelledGround, type RefusedNotice } from '../notice';
import { officerExplanation, processExplanation } from '../../review-process/process-explanation';
import type { NoticeContext } from '../notice-context';

/**
 * The inclusion is told once its amounts are known: at the grant that completes the relocation and
 * rent subsidies (the saga grants both right after the inclusion), with the decision's number and
 * date from the inclusion itself.
 */
export function noticeOfInclusion(_event: SubsidyGranted, { history }: NoticeContext): NoticeIntent[] {
  const included = history.find((past): past is ApplicationIncluded => past.type === 'ApplicationIncluded');
  const relocation = grantOf(history, 'relocation');
  const rent = grantOf(history, 'rent');
  if (!included || !relocation || !rent)
    return [
      noNotice('WAITING_FOR_THE_OTHER_SUBSIDY', 'The inclusion is told with both amounts, once both are granted'),
    ];
  const { decision, persons, applicationId } = included.data;
  return [
    issueNotice({
      kind: 'application-included',
      data: {
        decisionNumber: decision.number,
        decisionDate: decision.date,
        persons,
        relocationAmount: relocation.amount,
        rentAmount: rent.amount,
        rentMonthlyAmount: rent.inputs.monthlyAmount,
        totalAmount: relocation.amount + rent.amount,
        documentUrl: decisionDocumentUrl(applicationId),
      },
    }),
  ];
}

function grantOf<K extends SubsidyCalculation['kind']>(
  history: NoticeContext['history'],
  kind: K,
): Extract<SubsidyCalculation, { kind: K }> | undefined {
  const granted = history.find((past) => past.type === 'SubsidyGranted' && past.data.kind === kind);
  return granted?.type === 'SubsidyGranted'
    ? (granted.data as unknown as Extract<SubsidyCalculation, { kind: K }>)
    : undefined;
}

/**
 * A refusal states each ground in both languages, the officer's explanation (the process's own
 * English words never reach the applicant: the grounds' titles and the seats say them), and how and
 * until when to complain.
 */
export function noticeOfRefusal(event: ApplicationRefused, context: NoticeContext): NoticeIntent[] {
  const { decision, grounds, groundsListVersion, explanation, applicationId } = event.data;
  return [
    issueNotice({
      kind: 'application-refused',
      data: {
        decisionNumber: decision.number,
        decisionDate: decision.date,
        grounds: labelled(grounds, groundsListVersion, context),
        groundsListVersion,
        explanation: officerExplanation(explanation, grounds),
        seats: seatsOf(explanation, grounds),
        complaint: complaintWay(decision.date, context),
        documentUrl: decisionDocumentUrl(applicationId),
      },
    }),
  ];
}

/** A full quota's figures, from the words the process wrote (a refusal carries no seats of its own). */
function seatsOf(explanation: string, grounds: readonly string[]): RefusedNotice['seats'] {
  const recognised = processExplanation(explanation, grounds);
  return recognised?.kind === 'quota-full' ? { remaining: recognised.remaining, persons: recognised.persons } : null;
}

/** A code missing from its list (never expected: decisions validate against it) is shown as its code. */
export function labelled(codes: readonly string[], version: string, { groundsList }: NoticeContext): LabelledGround[] {
  const list = groundsList(version) ?? [];
  return codes.map((code) => {
    const ground = list.find((candidate) => candidate.code === code);
    return { code, kk: ground?.kk ?? code, ru: ground?.ru ?? code };
  });
}

function complaintWay(decisionDate: string, { complaintTerms: terms }: NoticeContext): ComplaintWay {
  return {
    termsVersion: terms.version,
    until: DateTime.fromISO(decisionDate).plus({ months: terms.filingPeriodMonths }).toISODate()!,
    filingPeriodMonths: terms.filingPeriodMonths,
    providerConsiderationWorkingDays: terms.providerConsiderationWorkingDays,
    authorityConsiderationWorkingDays: terms.authorityConsiderationWorkingDays,
    authorityExtensionWorkingDays: terms.authorityExtensionWorkingDays,
  };
}
