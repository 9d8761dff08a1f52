import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ApplicationErrorCode } from '@domain/application';
import { CalendarErrorCode } from '@domain/calendar';
import { LawErrorCode } from '@domain/law';
import { PersonErrorCode } from '@domain/person';
import { QuotaErrorCode } from '@domain/quota';
import { SubsidyErrorCode } from '@domain/subsidy';
import { SupportErrorCode } from '@domain/support';

function specTexts(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) =>
      statSync(path).isDirectory() ? specTexts(path) : path.endsWith('.spec.ts') ? readFileSync(path, 'utf8') : '',
    )
    .join('\n');
}

/** Every refusal the domain can give is stated by at least one specification (issue 3's acceptance). */
describe('every domain error code has a spec', () => {
  const specs = specTexts(__dirname);
  const codes = [
    ...Object.values(ApplicationErrorCode),
    ...Object.values(QuotaErrorCode),
    ...Object.values(SubsidyErrorCode),
    ...Object.values(CalendarErrorCode),
    ...Object.values(PersonErrorCode),
    ...Object.values(LawErrorCode),
    ...Object.values(SupportErrorCode),
  ];

  it.each(codes)('%s', (code) => {
    expect(specs).toContain(`'${code}'`);
  });
});
