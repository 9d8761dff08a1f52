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

describe('the notices of a hearing and a complaint, masked (ADR 26, ADR 32)', () => {
  it("masks the hearing's statement and the titles of the documents added, in the data and the texts", () => {
    const hearing: ListedNotice = {
      noticeId: 'n-2',
      kind: 'hearing-recorded',
      issuedAt: '2026-03-12T06:00:00.000Z',
      template: { id: 'hearing-recorded', version: 1 },
      texts: {
        kk: 'Хаттамаға жазылғаны: Әлия келді\n— Әлияның куәлігі (docs/1)',
        ru: 'Записано в протокол: Әлия келді\n— Әлияның куәлігі (docs/1)',
      },
      data: {
        statement: 'Әлия келді',
        documentsAdded: [{ title: 'Әлияның куәлігі', reference: 'docs/1' }],
        objections: 0,
      },
      causedBy: 'e-2',
      delivery: { status: 'pending', failedAttempts: 0, lastError: null },
    };
    const masked = maskedNotice(hearing);
    expect(masked.data).toEqual({
      statement: '***',
      documentsAdded: [{ title: '***', reference: 'docs/1' }],
      objections: 0,
    });
    expect(masked.texts.ru).toBe('Записано в протокол: ***\n— *** (docs/1)');
    expect(JSON.stringify(masked)).not.toMatch(/Әлия/);
  });

  it("masks a complaint's answer: the reason when satisfied, the reasons when rejected", () => {
    const answer = (data: Record<string, unknown>, text: string): ListedNotice => ({
      noticeId: 'n-3',
      kind: 'complaint-rejected',
      issuedAt: '2026-03-20T06:00:00.000Z',
      template: { id: 'complaint-rejected', version: 1 },
      texts: { kk: text, ru: text },
      data,
      causedBy: 'e-3',
      delivery: { status: 'pending', failedAttempts: 0, lastError: null },
    });
    expect(
      JSON.stringify(maskedNotice(answer({ reasons: 'Сейтқали не прав' }, 'Причины: Сейтқали не прав'))),
    ).not.toMatch(/Сейтқали/);
    expect(JSON.stringify(maskedNotice(answer({ reason: 'Сейтқали прав' }, 'Обоснование: Сейтқали прав')))).not.toMatch(
      /Сейтқали/,
    );
  });
});
