import type { ReviewDeadlineRescheduled } from '@domain/application';
import { maskDiff, maskEntries, maskStateAsOf } from '../export/masking';
import {
  AuditEntry,
  AuditStreamNotFoundError,
  AuditTrail,
  InvalidAuditPointError,
  PointInTime,
  StateAsOf,
  StateDiff,
} from './audit-trail';

type Print = (line: string) => void;

/**
 * One line per event: position, stream@revision, type, occurredAt, actor, command id; an event whose
 * why matters to an auditor (a deadline moved by the law) says it on a second, indented line.
 */
export function formatEntry(entry: AuditEntry): string {
  const line = `${entry.position.padStart(8)}  ${entry.streamId}@${entry.revision}  ${entry.type.padEnd(24)} ${entry.occurredAt}  ${entry.actor.role}:${entry.actor.id}  command ${entry.commandId}`;
  const why = entry.type === 'ReviewDeadlineRescheduled' ? rescheduledWhy(entry.data as unknown as Rescheduled) : null;
  return why ? `${line}\n          ${why}` : line;
}

type Rescheduled = ReviewDeadlineRescheduled['data'];

/** "due 2026-09-15 → 2026-09-14, at risk … (calendar …), by <act> (<stream> event <id>); corrected: at-risk". */
export function rescheduledWhy(data: Rescheduled): string {
  const { previous, deadline, amendment, corrected, escalationStands } = data;
  const moves = [
    `due ${previous.dueOn} → ${deadline.dueOn}`,
    `at risk ${previous.atRiskOn} → ${deadline.atRiskOn}`,
    ...(previous.acceptedOn === deadline.acceptedOn
      ? []
      : [`accepted ${previous.acceptedOn} → ${deadline.acceptedOn}`]),
  ];
  const basis = amendment
    ? `by ${amendment.legalBasis.kind}${amendment.legalBasis.number ? ` No. ${amendment.legalBasis.number}` : ''} of ${amendment.legalBasis.date} «${amendment.legalBasis.title}» (${amendment.streamId} ${amendment.version}, event ${amendment.eventId})`
    : 'found stale by the deadline scheduler';
  const fixes = [
    ...(corrected.length > 0 ? [`corrected: ${corrected.join(', ')}`] : []),
    ...(escalationStands ? ['the escalation stands'] : []),
  ];
  return [`${moves.join(', ')} (calendar ${deadline.calendarVersion})`, basis, ...fixes].join('; ');
}

export function formatState(state: StateAsOf): string[] {
  return [
    `${state.streamId} at revision ${state.revision} (position ${state.position}, as of ${state.occurredAt})`,
    JSON.stringify(state.state, null, 2),
  ];
}

export function formatDiff(diff: StateDiff): string[] {
  const lines = [
    `${diff.streamId}: revision ${diff.from.revision} → ${diff.to.revision}, ${diff.events.length} event(s)`,
  ];
  lines.push(...diff.events.map(formatEntry));
  lines.push(diff.changes.length === 0 ? 'No field changed.' : 'Changed fields:');
  for (const change of diff.changes)
    lines.push(`  ${change.path}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`);
  return lines;
}

/** A diff bound: a whole number is a revision, anything else an instant. */
export function boundFromArg(value: string): PointInTime {
  return /^\d{1,9}$/.test(value) ? { revision: Number(value) } : { at: value };
}

/*
 * The CLI's audit commands (`history`, `correlation`, `as-of`, `diff`), their arguments already
 * parsed. Personal data is printed masked as declared (ADR 26), as the auditors see it over HTTP. Each returns the process exit
 * code: 0, 1 when nothing was found, 2 when the trail refuses the point in time.
 */

export function printHistory(audit: AuditTrail, applicationId: string, print: Print): Promise<number> {
  return withAuditExitCode(print, async () => {
    for (const entry of maskEntries(await audit.applicationHistory(applicationId))) print(formatEntry(entry));
    return 0;
  });
}

export function printCorrelation(audit: AuditTrail, correlationId: string, print: Print): Promise<number> {
  return withAuditExitCode(print, async () => {
    const entries = maskEntries(await audit.correlation(correlationId));
    if (entries.length === 0) print(`No event carries correlation id ${correlationId}.`);
    for (const entry of entries) print(formatEntry(entry));
    return entries.length === 0 ? 1 : 0;
  });
}

export function printStateAsOf(
  audit: AuditTrail,
  applicationId: string,
  point: PointInTime,
  print: Print,
): Promise<number> {
  return withAuditExitCode(print, async () => {
    const state = await audit.applicationAsOf(applicationId, point);
    if (!state) {
      print(`Application ${applicationId} had no state then.`);
      return 1;
    }
    for (const line of formatState(maskStateAsOf(state))) print(line);
    return 0;
  });
}

export function printDiff(
  audit: AuditTrail,
  applicationId: string,
  from: PointInTime,
  to: PointInTime,
  print: Print,
): Promise<number> {
  return withAuditExitCode(print, async () => {
    for (const line of formatDiff(maskDiff(await audit.diff('application', applicationId, from, to)))) print(line);
    return 0;
  });
}

/** The trail's refusals become exit codes and a line; anything else is a failure of the run. */
async function withAuditExitCode(print: Print, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AuditStreamNotFoundError) {
      print(`No stream ${error.streamId}.`);
      return 1;
    }
    if (error instanceof InvalidAuditPointError) {
      print(`Invalid ${error.message}.`);
      return 2;
    }
    throw error;
  }
}
