import { api } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';

export type ExportFormat = 'jsonl' | 'csv';

/** The signed manifest of an export (libs/workflow ExportManifest), as its last JSON line carries it. */
export interface ExportManifest {
  readonly version: number;
  readonly selection: Record<string, string>;
  readonly format: ExportFormat;
  readonly masked: boolean;
  readonly disclosure: { readonly eventId: string; readonly grant: { readonly grantId: string } } | null;
  readonly count: number;
  readonly firstPosition: string | null;
  readonly lastPosition: string | null;
  readonly exportHead: string;
  readonly storeHead: { readonly position: string; readonly events: number; readonly headHash: string } | null;
  readonly checkpoint: { readonly signedAt: string; readonly position: string } | null;
  readonly exportedAt: string;
  readonly exportedBy: { readonly id: string; readonly role: string };
  readonly keyId: string;
  readonly signature: string;
}

export interface ExportedFile {
  readonly blob: Blob;
  readonly name: string;
  /** Null for CSV: its manifest travels in an HTTP trailer, which browsers do not expose. */
  readonly manifest: ExportManifest | null;
}

/** The tail read for the manifest line: a manifest is a few kilobytes. */
const TAIL_BYTES = 64 * 1024;

/**
 * Asks for the export and keeps it as a Blob (the browser may keep a large one on disk), then reads
 * the manifest from the last line of a JSON Lines file. The grant, when given, is spent by this call.
 */
export async function exportFile(
  selection: Record<string, string>,
  format: ExportFormat,
  grant: string | undefined,
): Promise<ExportedFile> {
  const { data, error, response } = await api.GET('/audit/export', {
    params: { query: { ...selection, format, ...(grant ? { grant } : {}) } },
    parseAs: 'blob',
  });
  if (error !== undefined || !response.ok || !data) throw ApiProblem.from(response, await problemOf(error));
  const blob = data;
  return { blob, name: fileName(selection, format), manifest: format === 'jsonl' ? await manifestOf(blob) : null };
}

async function manifestOf(blob: Blob): Promise<ExportManifest | null> {
  const tail = await blob.slice(Math.max(0, blob.size - TAIL_BYTES)).text();
  const last = tail.trimEnd().split('\n').at(-1);
  try {
    const parsed = JSON.parse(last ?? '') as { manifest?: ExportManifest };
    return parsed.manifest ?? null;
  } catch {
    return null;
  }
}

/** openapi-fetch hands an error body over as parsed JSON when it is JSON, as text otherwise. */
async function problemOf(error: unknown): Promise<unknown> {
  if (error instanceof Blob) {
    try {
      return JSON.parse(await error.text()) as unknown;
    } catch {
      return undefined;
    }
  }
  return error;
}

function fileName(selection: Record<string, string>, format: ExportFormat): string {
  const what = selection.stream ?? (selection.correlationId ? `correlation-${selection.correlationId}` : 'period');
  return `kandas-export-${what.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80)}.${format}`;
}

/** Hands the file to the browser's downloads, as a click on a link would. */
export function save(file: ExportedFile): string {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  return url;
}
