import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importsUnder, repoRoot, sourceFiles } from './import-boundaries';

/**
 * The architecture, enforced (as Domain-Driven Hexagon's dependency-cruiser rules do): the domain
 * is plain TypeScript, and the event-sourcing core knows no framework and no database.
 */
describe('dependency boundaries', () => {
  it('domain/ imports only domain/ and luxon', () => {
    const offending = importsUnder('domain').filter(
      ({ specifier }) => !(specifier.startsWith('.') || specifier.startsWith('@domain/') || specifier === 'luxon'),
    );
    expect(offending).toEqual([]);
  });

  it('libs/event-sourcing imports no framework and no store driver', () => {
    const offending = importsUnder('libs/event-sourcing/src').filter(({ specifier }) =>
      /^(@nestjs\/|better-sqlite3|@eventstore\/|rxjs|express|@infra\/|@apps?\/)/.test(specifier),
    );
    expect(offending).toEqual([]);
  });

  it('libs/ never imports infra/: adapters are wired in the composition root (apps/composition-root)', () => {
    const libraries = readdirSync(join(repoRoot, 'libs')).map((lib) => `libs/${lib}/src`);
    const offending = libraries
      .flatMap(importsUnder)
      .filter(({ specifier }) => /^@infra\/|(^|\/)infra\//.test(specifier));
    expect(offending).toEqual([]);
  });

  it('nothing outside apps/ imports an app, and infra/ never reaches into apps/', () => {
    const offending = ['domain', 'libs', 'infra']
      .flatMap(importsUnder)
      .filter(({ specifier }) => /(^|\/)apps\//.test(specifier));
    expect(offending).toEqual([]);
  });

  it('domain/ reads no clock and no environment: time and settings come in with the command', () => {
    const offending = sourceFiles(join(repoRoot, 'domain')).filter((file) =>
      /\bnew Date\(\)|Date\.now\(|DateTime\.now\(|process\.env/.test(readFileSync(file, 'utf8')),
    );
    expect(offending).toEqual([]);
  });
});
