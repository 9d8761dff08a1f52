import type { Command } from 'commander';
import { CLOCK } from '@libs/event-sourcing';
import type { Clock, EventStore } from '@libs/event-sourcing';
import { EVENT_STORE } from '@libs/event-sourcing-nest';
import { AUDIT_READS, recordAuditRead } from '@libs/workflow';
import type { AuditRead, AuditReadRequest } from '@libs/workflow';
import type { CliContext } from './cli-context';
import { cliActor } from './cli-reader';

/** Options never recorded: a bearer token is a credential, not what was read. */
const UNRECORDED_OPTIONS = new Set(['token']);

/**
 * Every auditor's read through the CLI is recorded in the access chain (ADR 26), as over HTTP: a
 * commander preAction hook notes the command, its arguments and options; the read is recorded on
 * the workflow before the command reads anything. A read that cannot be recorded is not made.
 */
export function recordingAuditReads(program: Command, context: CliContext): CliContext {
  let pending: AuditReadRequest | null = null;
  program.hook('preAction', (_, command) => {
    pending = readOf(command);
  });
  return {
    ...context,
    onWorkflow: (use) =>
      context.onWorkflow(async (app) => {
        const read = pending;
        pending = null;
        if (read) await recordAuditRead(app.get<EventStore>(EVENT_STORE), app.get<Clock>(CLOCK).now(), read);
        return use(app);
      }),
  };
}

function readOf(command: Command): AuditReadRequest | null {
  const operation = command.name();
  if (!(AUDIT_READS as readonly string[]).includes(operation)) return null;
  const names = command.registeredArguments.map((argument) => argument.name());
  const options = Object.entries(command.opts<Record<string, unknown>>()).filter(
    ([key, value]) => !UNRECORDED_OPTIONS.has(key) && value !== undefined,
  );
  const target = Object.fromEntries([
    ...command.args.map((value, index) => [names[index] ?? `arg${index}`, value]),
    ...options.map(([key, value]) => [key, String(value)]),
  ]) as Record<string, string>;
  const grantId = operation === 'export' && target.grant !== undefined ? target.grant : null;
  return { reader: cliActor(), operation: operation as AuditRead, target, inClear: grantId !== null, grantId };
}
