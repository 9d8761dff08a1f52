import { maskedNotice } from '@libs/workflow';
import type { ListedNotice } from '@libs/workflow';

describe('a notice as officers who see personal data masked read it (ADR 26)', () => {
  const refusal: ListedNotice = {
    noticeId: 'n-1',
    kind: 'application-refused',
    issuedAt: '2026-03-20T06:00:00.000Z',
    template: { id: 'application-refused', version: 1 },
    texts: {
      kk: 'Түсіндірме: Әлия Сейтқалиқызының паспорты оқылмайды, тел. +77011234567\nШағым…',
      ru: 'Пояснение: Әлия Сейтқалиқызының паспорты оқылмайды, тел. +77011234567\nЖалоба…',
    },
    data: { explanation: 'Әлия Сейтқалиқызының паспорты оқылмайды, тел. +77011234567', decisionNumber: 'KR-2026-1' },
    causedBy: 'e-1',
    delivery: { status: 'delivered', failedAttempts: 0, lastError: null },
  };

  it("masks the reviewer's explanation in its data and wherever the texts quote it; the rest stays", () => {
    const masked = maskedNotice(refusal);
    expect(masked.data).toEqual({ explanation: '***', decisionNumber: 'KR-2026-1' });
    expect(masked.texts).toEqual({ kk: 'Түсіндірме: ***\nШағым…', ru: 'Пояснение: ***\nЖалоба…' });
    expect(JSON.stringify(masked)).not.toMatch(/Әлия|77011234567/);
  });

  it('leaves a notice without an explanation as it is, but for anything shaped like personal data', () => {
    const accepted = { ...refusal, data: { dueOn: '2026-04-01' }, texts: { kk: 'Қабылданды', ru: 'Принято' } };
    expect(maskedNotice(accepted)).toEqual(accepted);
  });
});
