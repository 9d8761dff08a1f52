import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where `npm run build` puts the console (dist/console, ADR 30): found from this file upwards — the
 * repo root is the first folder with a package.json, whether this runs from the sources or from
 * dist/ — or from the working directory when the service was built elsewhere.
 */
export function consoleDirectory(configured: string | undefined): string {
  if (configured) return resolve(configured);
  for (let folder = __dirname; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return join(folder, 'dist', 'console');
    if (dirname(folder) === folder) return resolve('dist', 'console');
  }
}
