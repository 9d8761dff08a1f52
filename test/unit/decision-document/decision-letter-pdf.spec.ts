import * as fontkit from 'fontkit';
import { ServiceSigningKey } from '@libs/auth';
import {
  decisionLetterOf,
  documentProblems,
  LETTER_FONT,
  letterPdf,
  letterText,
  signDocument,
  type DecisionLetterFacts,
} from '@libs/workflow';
import { oneSpaced, pdfText } from '../../support/pdf-text';
import { INCLUSION, QUOTA_REFUSAL, REFUSAL } from './letter-facts.fixture';

/** The letters of the Kazakh Cyrillic alphabet that Russian has not. */
const KAZAKH_LETTERS = [...'әғқңөұүһі', ...'ӘҒҚҢӨҰҮҺІ'];

const pdfOf = (facts: DecisionLetterFacts) => letterPdf(decisionLetterOf(facts));

describe('the decision letter as a PDF (ADR 29)', () => {
  it('is set in a bundled font that has every Kazakh letter, in both cases', () => {
    for (const file of Object.values(LETTER_FONT)) {
      const font = fontkit.openSync(file) as fontkit.Font;
      const missing = KAZAKH_LETTERS.filter((letter) => !font.hasGlyphForCodePoint(letter.codePointAt(0)!));
      expect({ file, missing }).toEqual({ file, missing: [] });
    }
  });

  it.each([
    ['an inclusion', INCLUSION],
    ['a refusal', REFUSAL],
    ['a refusal on a full quota', QUOTA_REFUSAL],
  ])('reads back, letter for letter, as the Kazakh and Russian text it was made from: %s', async (_, facts) => {
    const letter = decisionLetterOf(facts);
    const pages = pdfText(await letterPdf(letter));
    expect(oneSpaced(pages.join('\n'))).toBe(oneSpaced(letterText(letter)));
    for (const letterOfAlphabet of KAZAKH_LETTERS) expect(pages.join('')).toContain(letterOfAlphabet);
  });

  it('fits one page, the Kazakh letter first, then the Russian', async () => {
    const [page, ...more] = pdfText(await pdfOf(REFUSAL));
    expect(more).toEqual([]);
    expect(page!.indexOf('ШЕШІМ № KQ-2026-000123, 27.02.2026')).toBeLessThan(
      page!.indexOf('РЕШЕНИЕ № KQ-2026-000123 от 27.02.2026'),
    );
  });

  it('says the amounts of an inclusion with the MCI used, and each ground of a refusal in both languages', () => {
    const inclusion = oneSpaced(letterText(decisionLetterOf(INCLUSION)));
    expect(inclusion).toContain('Субсидия на переезд: 906 570 тенге (70 МРП × 3 чел. × 4 317 тенге)');
    expect(inclusion).toContain('Көшуге арналған субсидия: 906 570 теңге (70 АЕК × 3 адам × 4 317 теңге)');
    expect(inclusion).toContain('Итого: 2 201 670 тенге');
    const refusal = oneSpaced(letterText(decisionLetterOf(REFUSAL)));
    expect(refusal).toContain('1. Құжаттар топтамасы толық емес (INCOMPLETE_DOCUMENTS)');
    expect(refusal).toContain('2. Документы недействительны или истёк срок их действия (INVALID_OR_EXPIRED_DOCUMENTS)');
    expect(refusal).toContain('Основания отказа (перечень оснований, версия 1)');
  });

  it('says an officer’s explanation, never the process’s own words: a full quota by its seats', () => {
    expect(oneSpaced(letterText(decisionLetterOf(REFUSAL)))).toContain(
      'Пояснение: Паспорттың нотариалды аудармасы қоса берілмеген',
    );
    const quota = oneSpaced(letterText(decisionLetterOf(QUOTA_REFUSAL)));
    expect(quota).toContain('Места в квоте: осталось 1, для семьи нужно 3');
    expect(quota).toContain('Квотадағы орындар: 1 орын қалды, отбасыға 3 орын қажет');
    expect(quota).not.toMatch(/Пояснение|Түсіндірме/);
  });

  it('is the same bytes for the same facts, whenever it is rendered: its signature stays valid', async () => {
    const first = await pdfOf(REFUSAL);
    jest.useFakeTimers({ advanceTimers: true, now: new Date('2031-07-01T12:00:00.000Z') });
    try {
      const yearsLater = await pdfOf(REFUSAL);
      expect(yearsLater.equals(first)).toBe(true);
    } finally {
      jest.useRealTimers();
    }
    expect((await pdfOf(INCLUSION)).equals(first)).toBe(false);
  });

  it('verifies with the public key alone; one byte changed, another key, or another file does not', async () => {
    const key = ServiceSigningKey.generate();
    const pdf = await pdfOf(INCLUSION);
    const signature = signDocument(key, pdf);
    expect(signature).toEqual({
      keyId: key.keyId,
      algorithm: 'Ed25519',
      signature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(documentProblems(pdf, signature, key.publicKeyPem)).toEqual([]);

    const tampered = Buffer.from(pdf);
    const middle = Math.floor(tampered.length / 2);
    tampered.writeUInt8(tampered.readUInt8(middle) ^ 0x01, middle);
    expect(documentProblems(tampered, signature, key.publicKeyPem)).toEqual([
      "the file's SHA-256 differs from the signature's",
      'the signature does not match the file',
    ]);
    expect(documentProblems(pdf, signature, ServiceSigningKey.generate().publicKeyPem)).toEqual([
      'the signature was made with another key',
      'the signature does not match the file',
    ]);
    expect(documentProblems(pdf, { keyId: key.keyId }, key.publicKeyPem)).toEqual([
      'the signature file is not a decision document signature',
    ]);
  });
});
