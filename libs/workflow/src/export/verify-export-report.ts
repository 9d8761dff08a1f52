import type { ExportSelection } from './export-events';
import type { FileVerification } from './export-file';

type Print = (line: string) => void;

function describe(selection: ExportSelection): string {
  if ('stream' in selection) return `stream ${selection.stream}`;
  if ('correlationId' in selection) return `correlation ${selection.correlationId}`;
  return `occurredAt in [${selection.from}, ${selection.to})`;
}

/** `verify-export`'s report: what was verified, or every problem found; returns the exit code (0 valid, 1 invalid). */
export function printExportVerification(file: string, verification: FileVerification, print: Print): number {
  const { manifest } = verification;
  if (!verification.valid || manifest === null) {
    print(`INVALID: ${file}: ${verification.problems.length} problem(s)`);
    for (const { where, what } of verification.problems) print(`  ${where}: ${what}`);
    return 1;
  }
  const positions =
    manifest.count === 0 ? 'no rows' : `positions ${manifest.firstPosition} to ${manifest.lastPosition}`;
  print(
    `OK: ${file}: ${manifest.count} row(s) of ${describe(manifest.selection)}, ${positions}, ${manifest.masked ? 'masked' : `IN CLEAR (disclosure ${manifest.disclosure!.eventId})`}`,
  );
  print(
    `  export head ${manifest.exportHead || '(no rows)'} signed with ${manifest.keyId} at ${manifest.exportedAt} for ${manifest.exportedBy.id} (${manifest.exportedBy.role})`,
  );
  const checkpoint = manifest.checkpoint;
  print(
    checkpoint
      ? `  store head at the latest checkpoint: position ${checkpoint.position}, ${checkpoint.events} events, ${checkpoint.headHash} (signed ${checkpoint.signedAt}, signature verified)`
      : '  no checkpoint when it was exported: the store head is not vouched for',
  );
  return 0;
}
