import { maskIins } from './audit-json';
import { AuditEntry, AuditStreamNotFoundError, AuditTrail, InvalidAuditPointError, PointInTime, StateAsOf, StateDiff } from './audit-trail';

type Print = (line: string) => void;

/** One line per event: position, stream@revision, type, occurredAt, actor, command id. */
export function formatEntry(entry: AuditEntry): string {
  return `${entry.position.padStart(8)}  ${entry.streamId}@${entry.revision}  ${entry.type.padEnd(24)} ${entry.occurredAt}  ${entry.actor.role}:${entry.actor.id}  command ${entry.commandId}`;
}

export function formatState(state: StateAsOf): string[] {
  return [`${state.streamId} at revision ${state.revision} (position ${state.position}, as of ${state.occurredAt})`, JSON.stringify(state.state, null, 2)];
}

export function formatDiff(diff: StateDiff): string[] {
  const lines = [`${diff.streamId}: revision ${diff.from.revision} → ${diff.to.revision}, ${diff.events.length} event(s)`];
  lines.push(...diff.events.map(formatEntry));
  lines.push(diff.changes.length === 0 ? 'No field changed.' : 'Changed fields:');
  for (const change of diff.changes) lines.push(`  ${change.path}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`);
  return lines;
}

/** `--at <instant>` or `--revision <n>`, exactly one; null when the arguments say neither or both. */
export function pointFromArgs(args: readonly string[]): PointInTime | null {
  const value = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const at = value('--at');
  const revision = value('--revision');
  if ((at === undefined) === (revision === undefined)) return null;
  if (revision !== undefined) return /^\d{1,9}$/.test(revision) ? { revision: Number(revision) } : null;
  return { at };
}

/** A diff bound: a whole number is a revision, anything else an instant. */
export function boundFromArg(value: string): PointInTime {
  return /^\d{1,9}$/.test(value) ? { revision: Number(value) } : { at: value };
}

/**
 * The CLI's audit commands (`history`, `correlation`, `as-of`, `diff`). IINs are printed masked, as
 * the auditors see them over HTTP. Returns the process exit code: 0, 1 when nothing was found, 2 on
 * bad arguments.
 */
export async function runAuditCommand(audit: AuditTrail, argv: readonly string[], print: Print): Promise<number | null> {
  const [command, id, ...rest] = argv;
  const usage = (text: string) => (print(`usage: ${text}`), 2);
  try {
    switch (command) {
      case 'history': {
        if (!id) return usage('history <application-id>');
        for (const entry of maskIins(await audit.applicationHistory(id))) print(formatEntry(entry));
        return 0;
      }
      case 'correlation': {
        if (!id) return usage('correlation <correlation-id>');
        const entries = maskIins(await audit.correlation(id));
        if (entries.length === 0) print(`No event carries correlation id ${id}.`);
        for (const entry of entries) print(formatEntry(entry));
        return entries.length === 0 ? 1 : 0;
      }
      case 'as-of': {
        const point = pointFromArgs(rest);
        if (!id || !point) return usage('as-of <application-id> (--at <instant> | --revision <n>)');
        const state = await audit.applicationAsOf(id, point);
        if (!state) {
          print(`Application ${id} had no state then.`);
          return 1;
        }
        for (const line of formatState(maskIins(state))) print(line);
        return 0;
      }
      case 'diff': {
        const [from, to] = rest;
        if (!id || !from || !to) return usage('diff <application-id> <from> <to>   (revisions or instants)');
        for (const line of formatDiff(maskIins(await audit.diff('application', id, boundFromArg(from), boundFromArg(to))))) print(line);
        return 0;
      }
      default:
        return null;
    }
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
