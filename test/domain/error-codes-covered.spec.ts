import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ApplicationErrorCode } from '@domain/application';
import { CALENDAR_ERROR_CODES } from '@domain/calendar';
import { QUOTA_ERROR_CODES } from '@domain/quota';
import { SUBSIDY_ERROR_CODES } from '@domain/subsidy';

function specTexts(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? specTexts(path) : path.endsWith('.spec.ts') ? readFileSync(path, 'utf8') : ''))
    .join('\n');
}

/** Every refusal the domain can give is stated by at least one specification (issue 3's acceptance). */
describe('every domain error code has a spec', () => {
  const specs = specTexts(__dirname);
  const codes = [...Object.values(ApplicationErrorCode), ...Object.values(QUOTA_ERROR_CODES), ...Object.values(SUBSIDY_ERROR_CODES), ...Object.values(CALENDAR_ERROR_CODES)];

  it.each(codes)('%s', (code) => {
    expect(specs).toContain(`'${code}'`);
  });
});
