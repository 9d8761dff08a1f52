import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

export interface ImportSite {
  readonly file: string;
  readonly specifier: string;
}

export const repoRoot = join(__dirname, '..', '..');

/** Every import, export-from, require() and dynamic import() of the TypeScript files under `dir`. */
export function importsUnder(dir: string): ImportSite[] {
  return sourceFiles(join(repoRoot, dir)).flatMap((file) =>
    ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map((imported) => ({ file: relative(repoRoot, file), specifier: imported.fileName })),
  );
}

export function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}
