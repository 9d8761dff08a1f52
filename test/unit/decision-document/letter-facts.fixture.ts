import type { DecisionLetterFacts } from '@libs/workflow';

/**
 * A decided application's letter facts, with names that between them hold every letter of the Kazakh
 * alphabet beyond the Russian one, in both cases (Ң included, which no Kazakh word begins with).
 */
const common = {
  applicationId: '7b0a3c2e-1f4d-4e8a-9c51-2d6e8f0a4b13',
  submittedOn: '2026-02-10',
  decision: { number: 'KQ-2026-000123', date: '2026-02-27' },
  decidedAt: '2026-02-27T06:30:00.000Z',
  applicant: {
    name: { lastName: 'Әбілқайыров', firstName: 'Ұлан', patronymic: 'Ғалымжанұлы' },
    birthDate: '1985-04-12',
    iin: '850412300123',
    category: 'kandas' as const,
  },
  family: [
    {
      relation: 'spouse' as const,
      name: { lastName: 'Шаһмарданова', firstName: 'Үміт', patronymic: 'Һидаятқызы' },
      birthDate: '1987-09-03',
      iin: '870903400456',
    },
    {
      relation: 'child' as const,
      name: { lastName: 'Ңұрғали', firstName: 'Іңкәр' },
      birthDate: '2015-01-20',
      iin: null,
    },
  ],
  quota: { region: 'pavlodar' as const, year: 2026 },
};

export const INCLUSION: DecisionLetterFacts = {
  ...common,
  outcome: 'included',
  persons: 3,
  subsidies: {
    relocation: { amount: 906_570, persons: 3, mciPerPerson: 70 },
    rent: { amount: 1_295_100, monthlyRateMci: 25, months: 12 },
    total: 2_201_670,
    mci: { value: 4_317, year: 2026 },
  },
};

export const REFUSAL: DecisionLetterFacts = {
  ...common,
  outcome: 'refused',
  groundsListVersion: '1',
  explanation: 'Паспорттың нотариалды аудармасы қоса берілмеген',
  seats: null,
  grounds: [
    { code: 'INCOMPLETE_DOCUMENTS', kk: 'Құжаттар топтамасы толық емес', ru: 'Неполный пакет документов' },
    {
      code: 'INVALID_OR_EXPIRED_DOCUMENTS',
      kk: 'Құжаттар жарамсыз немесе мерзімі өткен',
      ru: 'Документы недействительны или истёк срок их действия',
    },
  ],
};

/** A refusal the process made on a full quota: no officer's words, the seats instead. */
export const QUOTA_REFUSAL: DecisionLetterFacts = {
  ...common,
  outcome: 'refused',
  groundsListVersion: '1',
  explanation: null,
  seats: { remaining: 1, persons: 3 },
  grounds: [{ code: 'QUOTA_EXHAUSTED', kk: 'Квота таусылды', ru: 'Квота исчерпана' }],
};
