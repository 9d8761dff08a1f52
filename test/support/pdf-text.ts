import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The text of each page of a PDF as PDF.js extracts it (in a Node process: PDF.js is ESM only). */
export function pdfText(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kandas-pdf-text-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const out = execFileSync(process.execPath, [join(__dirname, 'extract-pdf-text.mjs'), file], { encoding: 'utf8' });
    return JSON.parse(out) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text with every run of white space (a line break, a no-break space) as one space: how two texts are compared. */
export const oneSpaced = (text: string) => text.replace(/\s+/gu, ' ').trim();
