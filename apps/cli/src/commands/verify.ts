import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { EVENT_STORE } from '@libs/event-sourcing-nest';
import type { EventStore } from '@libs/event-sourcing';
import { CHECKPOINT_LOG, type CheckpointLog, RUNTIME_CONFIG, SERVICE_SIGNING_KEY } from '@libs/workflow';
import { PUBLIC_KEY_FILE, type ServiceSigningKey } from '@libs/auth';
import type { Anchor } from '@infra/audit/tamper-evidence/anchor';
import { JsonLinesCheckpointLog } from '@infra/audit/checkpoints/json-lines-checkpoint-log';
import {
  latestCheckpointAnchor,
  parseExpectedHead,
  verifyEventStore,
} from '@infra/audit/tamper-evidence/verify-event-store';
import type { VerificationReport } from '@infra/audit/tamper-evidence/verification-report';
import type { RuntimeConfig } from '@infra/config/runtime-config';
import type { CliContext } from './cli-context';
import { refuse } from './refuse';

type Print = (line: string) => void;

interface VerifyOptions {
  readonly expectHead?: string;
  readonly checkpoint?: string;
  readonly publicKey?: string;
}

/** Where the service's public key is written (beside the development keys), for an auditor to take. */
export function publicKeyFileOf(config: RuntimeConfig): string {
  return join(config.localSecretsDir, PUBLIC_KEY_FILE);
}

/**
 * `verify`: checks every link of the store's hash chains, lists every broken link and every missing
 * position, then checks the head against the latest signed checkpoint (or the auditor's own); exit 1
 * on any finding (ADR 24).
 */
export function addVerifyCommand(program: Command, { print, onWorkflow, exitWith }: CliContext): void {
  program
    .command('verify')
    .description(
      'check every hash link of the event store (SQLite: stream and chain hashes; EventStoreDB: the digest chain over $all), ' +
        'list every broken link with its stream and every missing position (gap), and check the head against the latest ' +
        'signed checkpoint in the checkpoint log (without one, events cut off the end or every hash recomputed ' +
        'cannot be detected: sign one with `checkpoint`); exit 1 on any finding (ADR 24)',
    )
    .option(
      '--expect-head <position:hash>',
      'check against this head instead of the latest checkpoint (a position and its 64-hex chain hash, as noted from a checkpoint)',
    )
    .option(
      '--checkpoint <file>',
      'check against this signed checkpoint instead (a checkpoint JSON file or a checkpoint log)',
    )
    .option(
      '--public-key <file>',
      "the PEM public key that checks the checkpoint's signature (default: the service's own)",
    )
    .action(async (options: VerifyOptions, command: Command) => {
      if (options.expectHead !== undefined && options.checkpoint !== undefined)
        refuse(command, 'give --expect-head or --checkpoint, not both');
      const expected = options.expectHead === undefined ? undefined : parseExpectedHead(options.expectHead);
      if (options.expectHead !== undefined && !expected)
        refuse(command, `--expect-head must be <position>:<64 hex digits>, got "${options.expectHead}"`);
      for (const file of [options.checkpoint, options.publicKey])
        if (file !== undefined && !existsSync(file)) refuse(command, `no file ${file}`);
      exitWith(
        await onWorkflow(async (app) => {
          const config = app.get<RuntimeConfig>(RUNTIME_CONFIG);
          const publicKeyPem = options.publicKey
            ? readFileSync(options.publicKey, 'utf8')
            : app.get<ServiceSigningKey>(SERVICE_SIGNING_KEY).publicKeyPem;
          const anchor = expected ?? (await anchorFrom(options.checkpoint, app.get(CHECKPOINT_LOG), publicKeyPem));
          if (options.checkpoint !== undefined && !anchor) {
            print(`No checkpoint in ${options.checkpoint}`);
            return 2;
          }
          const report = await verifyEventStore(config, app.get<EventStore>(EVENT_STORE), anchor);
          printReport(report, print);
          return report.ok ? 0 : 1;
        }),
      );
    });
}

function anchorFrom(file: string | undefined, log: CheckpointLog, publicKeyPem: string): Promise<Anchor | undefined> {
  if (file === undefined) return latestCheckpointAnchor(log, publicKeyPem);
  return new JsonLinesCheckpointLog(file)
    .latest()
    .then((checkpoint) => checkpoint && { source: 'checkpoint-file' as const, checkpoint, publicKeyPem });
}

/** The report as an auditor reads it: the summary, every listed finding, the anchor's verdict. */
export function printReport(report: VerificationReport, print: Print): void {
  const head = report.lastChainHash
    ? `chain head ${report.lastChainHash} at position ${report.lastPosition}`
    : 'empty store';
  print(`${report.ok ? 'OK' : 'BROKEN'}: ${report.events} events read (${report.store}); ${head}`);
  if (report.gapsTotal > 0) print(`${report.gapsTotal} gap(s) — missing positions:`);
  for (const gap of report.gaps) {
    const streams = gap.streams.map((stream) => `${stream.streamId}@${stream.revisions}`).join(', ');
    const range = gap.fromPosition === gap.toPosition ? gap.fromPosition : `${gap.fromPosition}..${gap.toPosition}`;
    const atEnd = BigInt(gap.fromPosition) > BigInt(report.lastPosition ?? '0');
    const whose = streams
      ? `revisions of ${streams}`
      : atEnd
        ? 'cut off the end of the store (SQLite had handed these positions out)'
        : 'stream unknown (no later event of it)';
    print(`  gap at position ${range} (${gap.missing} missing): ${whose}`);
  }
  if (report.brokenLinksTotal > 0) print(`${report.brokenLinksTotal} broken link(s):`);
  for (const link of report.brokenLinks) {
    print(`  ${link.kind} at position ${link.position} (${link.streamId}@${link.revision}, event ${link.eventId})`);
    print(`    expected ${link.expected}`);
    print(`    actual   ${link.actual}`);
  }
  const listed = report.gaps.length + report.brokenLinks.length;
  const total = report.gapsTotal + report.brokenLinksTotal;
  if (listed < total) print(`  … ${total - listed} more not listed`);
  const { anchor } = report;
  const signed = anchor.signedAt ? `, signed ${anchor.signedAt} by ${anchor.keyId}` : '';
  const verdict = anchor.status === 'matches' ? 'OK' : anchor.status === 'none' ? 'WARNING' : 'FAILED';
  print(`Anchor: ${verdict} ${anchor.status} (${anchor.source}${signed}): ${anchor.detail}`);
}
