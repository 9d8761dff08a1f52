import { performance } from 'node:perf_hooks';
import type { ApplicationSubmission, FamilyMember } from '@domain/application';
import type { PersonName } from '@domain/shared/person-name';
import { kandasFamily, validIin } from '../domain/application/fixtures';
import { ALL_ACCEPTED } from '../e2e/support/journeys';
import { recordFigures } from './support/figures';
import { E2eApp } from '../e2e/support/e2e-app';
import { OutputCapture, startWithProductionLogger } from './support/logs-app';

/**
 * Issue 8, point 4: no IIN, no full name, no OTP code and no bearer token in the logs. The back
 * office runs with its production logger (pino through nestjs-pino, every level on) writing to process.stdout,
 * which is captured; a workflow that makes the service log as much as it can is driven through
 * it — submissions in Kazakh Cyrillic, Russian and Latin letters, signing, reviews, inclusion,
 * subsidies, a quota-exhausted refusal, a refusal on grounds, a withdrawal, refused commands about
 * IINs, malformed JSON carrying personal data, bad tokens, and an internal error — then every
 * captured line is scanned. Deterministic: fixed people, fixed IINs, fixed clock.
 */
const TIMEOUT_MS = 120_000;

interface Person {
  readonly name: PersonName;
  readonly latin?: PersonName;
  readonly iin?: string;
}

interface Family {
  readonly label: string;
  readonly applicant: Person & { readonly iin: string; readonly birthDate: string; readonly married: boolean };
  readonly members: ReadonlyArray<Person & { readonly relation: FamilyMember['relation']; readonly birthDate: string }>;
  readonly contacts: { readonly phone: string; readonly email: string };
}

const iin = (first11: string) => validIin(first11);

/** Kazakh Cyrillic, with the Latin spelling of the passport. */
const BOKEIKHANOV: Family = {
  label: 'kazakh',
  applicant: {
    name: { lastName: 'Бөкейханов', firstName: 'Әлихан', patronymic: 'Нұрмұхамедұлы' },
    latin: { lastName: 'Bokeikhanov', firstName: 'Alikhan' },
    iin: iin('86030530017'),
    birthDate: '1986-03-05',
    married: true,
  },
  members: [
    {
      relation: 'spouse',
      name: { lastName: 'Қасымова', firstName: 'Ұлжан' },
      iin: iin('88111240026'),
      birthDate: '1988-11-12',
    },
    {
      relation: 'child',
      name: { lastName: 'Әлиханқызы', firstName: 'Айару' },
      iin: iin('14070260035'),
      birthDate: '2014-07-02',
    },
  ],
  contacts: { phone: '+77017001122', email: 'bokeikhanov.alikhan@example.kz' },
};

/** Russian Cyrillic; one member identified by a foreign passport only. */
const KUZNETSOV: Family = {
  label: 'russian',
  applicant: {
    name: { lastName: 'Кузнецов', firstName: 'Святослав', patronymic: 'Владимирович' },
    iin: iin('79012930041'),
    birthDate: '1979-01-29',
    married: true,
  },
  members: [
    {
      relation: 'spouse',
      name: { lastName: 'Кузнецова', firstName: 'Ярослава' },
      iin: iin('81062440052'),
      birthDate: '1981-06-24',
    },
    { relation: 'parent', name: { lastName: 'Огородникова', firstName: 'Евдокия' }, birthDate: '1955-02-14' },
  ],
  contacts: { phone: '+77027003344', email: 'svyatoslav.kuznetsov@example.ru' },
};

/** Latin letters only (the Kazakh Latin alphabet). */
const ZHAKSYLYKOV: Family = {
  label: 'latin',
  applicant: {
    name: { lastName: 'Zhaqsylyqov', firstName: 'Dáýren' },
    iin: iin('90101530064'),
    birthDate: '1990-10-15',
    married: false,
  },
  members: [
    {
      relation: 'child',
      name: { lastName: 'Zhaqsylyqova', firstName: 'Aminá' },
      iin: iin('16041560073'),
      birthDate: '2016-04-15',
    },
  ],
  contacts: { phone: '+77037005566', email: 'dauren.zh@example.com' },
};

/** Reviewed not eligible, with a comment naming him and quoting his IIN. */
const ZHUMABAYEV: Family = {
  label: 'not-eligible',
  applicant: {
    name: { lastName: 'Жұмабаев', firstName: 'Мағжан' },
    iin: iin('93062530085'),
    birthDate: '1993-06-25',
    married: false,
  },
  members: [],
  contacts: { phone: '+77047007788', email: 'magzhan@example.kz' },
};

/** Withdraws, giving a reason that names him. */
const UALIKHANOV: Family = {
  label: 'withdrawn',
  applicant: {
    name: { lastName: 'Уәлиханов', firstName: 'Шоқан', patronymic: 'Шыңғысұлы' },
    iin: iin('95110430096'),
    birthDate: '1995-11-04',
    married: false,
  },
  members: [],
  contacts: { phone: '+77057009900', email: 'shokan@example.kz' },
};

/** Taken for review and left: the review deadline passes, the review is escalated. */
const KUNANBAYULY: Family = {
  label: 'overdue',
  applicant: {
    name: { lastName: 'Құнанбайұлы', firstName: 'Абай' },
    iin: iin('84081040128'),
    birthDate: '1984-08-10',
    married: false,
  },
  members: [
    {
      relation: 'child',
      name: { lastName: 'Абайқызы', firstName: 'Күлбадан' },
      iin: iin('12121240139'),
      birthDate: '2012-12-12',
    },
  ],
  contacts: { phone: '+77077003434', email: 'abai@example.kz' },
};

/** Submits with IINs that fail the check digit: refused, never stored. */
const BAITURSYNULY: Family = {
  label: 'bad-iin',
  applicant: {
    name: { lastName: 'Байтұрсынұлы', firstName: 'Ахмет' },
    iin: wrongCheckDigit(iin('87090840107')),
    birthDate: '1987-09-08',
    married: false,
  },
  members: [
    {
      relation: 'sibling',
      name: { lastName: 'Байтұрсынова', firstName: 'Бадрисафа' },
      iin: wrongCheckDigit(iin('89050540118')),
      birthDate: '1989-05-05',
    },
  ],
  contacts: { phone: '+77067001212', email: 'akhmet@example.kz' },
};

/**
 * Submits while the store fails with an error nothing expects: a family of its own, named on no other
 * application, so the submission reaches the store (ADR 16 would refuse a family already submitted
 * with a 409 before any append).
 */
const SEIFULLIN: Family = {
  label: 'internal-fault',
  applicant: {
    name: { lastName: 'Сейфуллин', firstName: 'Сәкен', patronymic: 'Сейфоллаұлы' },
    iin: iin('94101530151'),
    birthDate: '1994-10-15',
    married: true,
  },
  members: [
    {
      relation: 'spouse',
      name: { lastName: 'Сейфуллина', firstName: 'Гүлбахрам' },
      iin: iin('96042340162'),
      birthDate: '1996-04-23',
    },
  ],
  contacts: { phone: '+77087004545', email: 'saken.s@example.kz' },
};

const FAMILIES = [BOKEIKHANOV, KUZNETSOV, ZHAKSYLYKOV, ZHUMABAYEV, UALIKHANOV, KUNANBAYULY, BAITURSYNULY, SEIFULLIN];
/** The Kazakh and the Russian families fill the quota (3 + 3); the Latin one (2) is then refused. */
const CAPACITY = 6;

describe('no personal data in the logs (issue 8, point 4)', () => {
  let e: E2eApp | undefined;
  let capture: OutputCapture | undefined;
  afterEach(async () => {
    capture?.stop();
    await e?.close();
    e = capture = undefined;
  });

  it(
    'logs no IIN (nor any 12-digit run), no name part of any person, no contact, no OTP code and no bearer token, across the whole workflow',
    async () => {
      const began = performance.now();
      capture = OutputCapture.start();
      e = await startWithProductionLogger({ SQLITE_SYNCHRONOUS: 'FULL', KANDAS_COMMAND_RATE_LIMITS: 'off' });
      const app = e;
      const statuses: Record<string, number> = {};
      const note = (what: string, status: number) => void (statuses[what] = status);
      const otpCodes: string[] = [];

      await app
        .as('admin')
        .post('/quotas/pavlodar/2026/kandas', {
          capacity: CAPACITY,
          order: { number: '12-01/412', date: '2025-12-12' },
        })
        .expect(200);
      const portal = app.as('portal', 'egov');

      // Submit and sign the six valid families (OTP echoed, as outside production).
      const ids = new Map<Family, string>();
      for (const family of [BOKEIKHANOV, KUZNETSOV, ZHAKSYLYKOV, ZHUMABAYEV, UALIKHANOV, KUNANBAYULY]) {
        const submitted = await portal.post('/applications', submissionOf(family)).expect(201);
        const id = submitted.body.applicationId as string;
        ids.set(family, id);
        const otp = await portal.post(`/applications/${id}/otp`, { signerIin: family.applicant.iin }).expect(201);
        otpCodes.push(otp.body.code);
        if (family === BOKEIKHANOV) {
          // A wrong code first (refused), then the right one.
          const wrong = String((Number(otp.body.code) + 1) % 1_000_000).padStart(6, '0');
          otpCodes.push(wrong);
          note(
            'sign with a wrong OTP code',
            (
              await portal.post(`/applications/${id}/sign`, {
                method: 'otp',
                signerIin: family.applicant.iin,
                otpRequestId: otp.body.otpRequestId,
                code: wrong,
              })
            ).status,
          );
        }
        await portal
          .post(`/applications/${id}/sign`, {
            method: 'otp',
            signerIin: family.applicant.iin,
            otpRequestId: otp.body.otpRequestId,
            code: otp.body.code,
          })
          .expect(201);
      }
      await app.settle();
      const id = (family: Family) => ids.get(family)!;

      // Refused commands about IINs and names.
      note(
        'submit with IINs failing the check digit',
        (await portal.post('/applications', submissionOf(BAITURSYNULY))).status,
      );
      note(
        'submit with an 11-digit IIN',
        (
          await portal.post(
            '/applications',
            submissionOf({
              ...BAITURSYNULY,
              applicant: { ...BAITURSYNULY.applicant, iin: BOKEIKHANOV.applicant.iin.slice(0, 11) },
            }),
          )
        ).status,
      );
      note(
        'submit with a member IIN twice',
        (
          await portal.post(
            '/applications',
            submissionOf({
              ...KUZNETSOV,
              members: [KUZNETSOV.members[0]!, { ...KUZNETSOV.members[0]!, relation: 'sibling' }],
            }),
          )
        ).status,
      );
      note(
        'submit with a name in two scripts',
        (
          await portal.post(
            '/applications',
            submissionOf({
              ...ZHUMABAYEV,
              applicant: { ...ZHUMABAYEV.applicant, name: { lastName: 'Жұмабаеv', firstName: 'Мағжан' } },
            }),
          )
        ).status,
      );
      note(
        'OTP for a signer who is not the applicant',
        (await portal.post(`/applications/${id(ZHUMABAYEV)}/otp`, { signerIin: BOKEIKHANOV.members[0]!.iin })).status,
      );
      note(
        'sign again, already signed',
        (
          await portal.post(`/applications/${id(ZHUMABAYEV)}/sign`, {
            method: 'otp',
            signerIin: ZHUMABAYEV.applicant.iin,
            otpRequestId: 'x'.repeat(16),
            code: '123456',
          })
        ).status,
      );
      note(
        'sign with a bogus EDS certificate',
        (
          await portal.post(`/applications/${id(UALIKHANOV)}/sign`, {
            method: 'eds',
            signerIin: UALIKHANOV.applicant.iin,
            signatureBase64: 'AAAA',
            certificatePem: `-----BEGIN CERTIFICATE-----\n${Buffer.from(`CN=${UALIKHANOV.applicant.name.lastName} ${UALIKHANOV.applicant.name.firstName},SERIALNUMBER=IIN${UALIKHANOV.applicant.iin}`).toString('base64')}\n-----END CERTIFICATE-----`,
          })
        ).status,
      );
      note(
        'malformed JSON carrying names and an IIN',
        (
          await app.http
            .post('/applications')
            .set('Authorization', `Bearer ${app.token('portal', 'egov')}`)
            .set('Content-Type', 'application/json')
            .send(
              `{"applicant":{"iin":"${BOKEIKHANOV.applicant.iin}","name":{"lastName":"${BOKEIKHANOV.applicant.name.lastName}","firstName":"${BOKEIKHANOV.applicant.name.firstName}"}`,
            )
        ).status,
      );
      note(
        'JSON with a trailing name after the object',
        (
          await app.http
            .post('/applications')
            .set('Authorization', `Bearer ${app.token('portal', 'egov')}`)
            .set('Content-Type', 'application/json')
            .send(`{"iin":"${KUZNETSOV.applicant.iin}"} ${KUZNETSOV.applicant.name.lastName}`)
        ).status,
      );
      note('no token', (await app.http.post('/applications').send(submissionOf(KUZNETSOV))).status);
      note(
        'a token with a bad signature',
        (
          await app.http
            .post('/applications')
            .set('Authorization', `Bearer ${tamper(app.token('portal', 'egov'))}`)
            .send(submissionOf(KUZNETSOV))
        ).status,
      );
      note(
        'an expired token',
        (await app.http.get('/applications').set('Authorization', `Bearer ${app.token('reviewer', 'reviewer-1', -60)}`))
          .status,
      );
      note('the wrong role', (await app.as('auditor').post(`/applications/${id(BOKEIKHANOV)}/review/start`)).status);

      // Reviews: two eligible families fill the quota, the third is refused on it; one is not eligible; one withdraws.
      for (const family of [BOKEIKHANOV, KUZNETSOV, ZHAKSYLYKOV]) {
        await app
          .as('reviewer', 'reviewer-1')
          .post(`/applications/${id(family)}/review/start`)
          .expect(200);
        await app
          .as('reviewer', 'reviewer-1')
          .post(`/applications/${id(family)}/review`, {
            verdict: 'eligible',
            findings: ALL_ACCEPTED,
            grounds: [],
          })
          .expect(200);
        await app.settle();
      }
      note(
        'review started twice',
        (await app.as('reviewer', 'reviewer-2').post(`/applications/${id(BOKEIKHANOV)}/review/start`)).status,
      );
      await app
        .as('reviewer', 'reviewer-2')
        .post(`/applications/${id(ZHUMABAYEV)}/review/start`)
        .expect(200);
      const comment = `Паспорт ${ZHUMABAYEV.applicant.name.lastName} ${ZHUMABAYEV.applicant.name.firstName}, ЖСН ${ZHUMABAYEV.applicant.iin}, мерзімі өткен`;
      await app
        .as('reviewer', 'reviewer-2')
        .post(`/applications/${id(ZHUMABAYEV)}/review`, {
          verdict: 'not-eligible',
          findings: ALL_ACCEPTED.map((finding) =>
            finding.documentIndex === 0 ? { ...finding, accepted: false, note: comment } : finding,
          ),
          grounds: ['INVALID_OR_EXPIRED_DOCUMENTS'],
          comment,
        })
        .expect(200);
      await portal
        .post(`/applications/${id(UALIKHANOV)}/withdraw`, {
          reason: `${UALIKHANOV.applicant.name.firstName} ${UALIKHANOV.applicant.name.lastName} (${UALIKHANOV.applicant.iin}) stays in Omsk`,
        })
        .expect(200);
      note(
        'refuse a decided application',
        (
          await app.as('supervisor', 'supervisor-1').post(`/applications/${id(BOKEIKHANOV)}/refuse`, {
            grounds: ['OTHER'],
            explanation: `${BOKEIKHANOV.applicant.name.lastName} ${BOKEIKHANOV.applicant.iin}`,
          })
        ).status,
      );
      await app.settle();

      // Reads, with unmasked IINs for a reviewer; a repeated query parameter (a logged 500 before it was refused as a 400).
      await app.as('reviewer', 'reviewer-1').get('/applications?region=pavlodar&limit=50').expect(200);
      await app
        .as('supervisor', 'supervisor-1')
        .get(`/applications/${id(BOKEIKHANOV)}`)
        .expect(200);
      const repeated = `region=pavlodar&region=${encodeURIComponent(BOKEIKHANOV.applicant.name.lastName)}&category=${BOKEIKHANOV.applicant.iin}&category=kandas`;
      note(
        'repeated query parameter',
        (await app.as('reviewer', 'reviewer-1').get(`/applications?${repeated}`)).status,
      );
      note(
        'repeated query parameter on quotas',
        (await app.as('reviewer', 'reviewer-1').get(`/quotas?${repeated}`)).status,
      );
      await app.settle();

      // An internal fault, logged at error level: the store's append fails with an error nothing
      // expects (a bug) under a command that carries names and IINs; then it recovers. (Until issue
      // 15 the read-model file turned read-only here, but commands no longer write to it: ADR 17.)
      // The family is named nowhere else, so the command gets past the persons' check to the store:
      // its first append, the claim of its first person (ADR 16), is the one that fails.
      const append = jest.spyOn(app.store, 'append').mockRejectedValueOnce(new Error('unexpected fault in append'));
      const faulty = await portal
        .post('/applications', submissionOf(SEIFULLIN))
        .set('Idempotency-Key', `submit-${SEIFULLIN.applicant.iin}`);
      const appendsTried = append.mock.calls.length;
      append.mockRestore();
      expect(appendsTried).toBe(1);
      note('a command meeting an unexpected error (internal fault)', faulty.status >= 500 ? 500 : faulty.status);

      // The last family's review is taken and left: its deadline is at risk, then breached, and the review escalated.
      await app
        .as('reviewer', 'reviewer-3')
        .post(`/applications/${id(KUNANBAYULY)}/review/start`)
        .expect(200);
      await app.advanceTo('2026-03-19T05:00:00.000Z');
      await app.advanceTo('2026-03-27T05:00:00.000Z');

      // The outcome is the one intended, so the logs scanned below are those of a full workflow.
      const events = await readAllTypes(app);
      expect(events.filter((type) => type === 'ApplicationIncluded')).toHaveLength(2);
      // Both refusals are proposed, the applicants to be heard (ADR 32); confirming them has no HTTP
      // endpoint until issue 20's second part.
      expect(events.filter((type) => type === 'RefusalProposed')).toHaveLength(2);
      expect(events.filter((type) => type === 'SubsidyGranted')).toHaveLength(4);
      expect(events.filter((type) => type === 'ApplicationWithdrawn')).toHaveLength(1);
      expect(events.filter((type) => type === 'ReviewEscalated')).toHaveLength(1);
      expect(statuses).toEqual({
        'sign with a wrong OTP code': 422,
        'submit with IINs failing the check digit': 422,
        'submit with an 11-digit IIN': 400,
        'submit with a member IIN twice': 422,
        'submit with a name in two scripts': 422,
        'OTP for a signer who is not the applicant': 422,
        'sign again, already signed': 422,
        'sign with a bogus EDS certificate': 400,
        'malformed JSON carrying names and an IIN': 400,
        'JSON with a trailing name after the object': 400,
        'no token': 401,
        'a token with a bad signature': 401,
        'an expired token': 401,
        'the wrong role': 403,
        'review started twice': 422,
        'refuse a decided application': 422,
        'repeated query parameter': 400,
        'repeated query parameter on quotas': 400,
        'a command meeting an unexpected error (internal fault)': 500,
      });

      await app.close();
      e = undefined;
      capture.stop();
      const lines = capture.lines();
      capture = undefined;

      // --- Something was logged: the bootstrap, the saga's steps, the internal error. ---
      const entries = lines.map((line) => parseJsonLine(line));
      expect(lines.filter((_, index) => entries[index] === null)).toEqual([]); // every line is the app logger's
      const logged = entries as Array<{ time: string; level: string; context?: string; message: string }>;
      const contexts = new Set(logged.map((entry) => entry.context));
      expect(lines.length).toBeGreaterThanOrEqual(40);
      expect([...contexts]).toEqual(
        expect.arrayContaining(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'Subscriptions', 'HTTP']),
      );
      const sagaLines = logged.filter((entry) => /application-[0-9a-f-]{36}@\d+: /.test(entry.message));
      expect(sagaLines.length).toBeGreaterThanOrEqual(10);
      const internalErrors = logged.filter((entry) => entry.level === 'error' && entry.context === 'HTTP');
      expect(internalErrors).toHaveLength(1);
      expect(internalErrors[0]!.message).toMatch(/^POST \/applications → 5\d\d /);

      // --- And none of it is personal. ---
      const iins = FAMILIES.flatMap((family) => [
        family.applicant.iin,
        ...family.members.map((member) => member.iin),
      ]).filter((value): value is string => value !== undefined);
      const nameParts = FAMILIES.flatMap((family) => [family.applicant, ...family.members])
        .flatMap((person) => [person.name, ...(person.latin ? [person.latin] : [])])
        .flatMap((name) => [name.lastName, name.firstName, ...(name.patronymic ? [name.patronymic] : [])]);
      const needles: Needle[] = [
        ...iins.map((value): Needle => [`IIN ${value}`, (text) => text.includes(value)]),
        ['a 12-digit run', (text) => /(?<!\d)\d{12}(?!\d)/.test(text)],
        ...nameParts.map((part): Needle => [`name ${part}`, (_, folded) => folded.includes(fold(part))]),
        ...FAMILIES.flatMap((family): Needle[] => [
          [`phone ${family.contacts.phone}`, (text) => text.includes(family.contacts.phone.slice(1))],
          [`e-mail ${family.contacts.email}`, (_, folded) => folded.includes(fold(family.contacts.email))],
        ]),
        ...otpCodes.map((code): Needle => [
          `OTP code ${code}`,
          (text) => new RegExp(`(?<!\\d)${code}(?!\\d)`).test(text),
        ]),
        ...app.tokens.map((token): Needle => [
          'a bearer token we minted',
          (text) => text.includes(token) || text.includes(token.split('.')[2]!),
        ]),
        ['something shaped like a JWT', (text) => /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/.test(text)],
        ['an Authorization header', (text) => /bearer\s+[A-Za-z0-9_.-]{16,}/i.test(text)],
      ];
      // The scan itself is checked: each of these lines must be caught.
      const controls = [
        JSON.stringify({ message: `${BOKEIKHANOV.applicant.name.firstName} ok` }).replace(
          /[^\x20-\x7e]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        ),
        `HTTP ${KUZNETSOV.applicant.name.lastName.toLocaleUpperCase('ru')}`,
        `latin ${ZHAKSYLYKOV.applicant.name.firstName.toLowerCase()}`,
        `signer ${ZHAKSYLYKOV.members[0]!.iin}`,
        `phone ${UALIKHANOV.contacts.phone}`,
        `code ${otpCodes[0]} accepted`,
        `Authorization: Bearer ${app.tokens[0]}`,
      ];
      expect(controls.filter((control) => scanForLeaks([control], needles).length === 0)).toEqual([]);

      const leaks = scanForLeaks(lines, needles);
      expect(leaks).toEqual([]);

      const durationMs = performance.now() - began;
      recordFigures('logs', {
        linesScanned: lines.length,
        levels: countBy(logged.map((entry) => entry.level)),
        sagaLines: sagaLines.length,
        internalErrorsLogged: internalErrors.length,
        linesPerContext: countBy(logged.map((entry) => entry.context ?? '')),
        persons: FAMILIES.reduce((sum, family) => sum + 1 + family.members.length, 0),
        iinsChecked: iins.length,
        namePartsChecked: new Set(nameParts).size,
        otpCodesChecked: otpCodes.length,
        tokensChecked: app.tokens.length,
        refusedRequests: Object.keys(statuses).length,
        // The service writes no access log: only an answer ≥ 500 names its request (method and path, no query, no body).
        linesNamingARequest: logged.filter((entry) => /\b(GET|POST) \//.test(entry.message)).length,
        leaks: leaks.length,
        durationMs: Math.round(durationMs),
      });
    },
    TIMEOUT_MS,
  );
});

/** What must not be in a log line, and how to recognise it in the line (raw and decoded) or in its case-folded form. */
type Needle = readonly [what: string, found: (text: string, folded: string) => boolean];

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('kk');

/**
 * Each line is searched as written and as decoded (the JSON string values, should a logger ever
 * write \u escapes), and case-folded for names; a leak is reported with its line, to find its source.
 */
function scanForLeaks(lines: readonly string[], needles: readonly Needle[]): string[] {
  const leaks: string[] = [];
  lines.forEach((line, index) => {
    const decoded = decodedStrings(line);
    const text = [line, ...decoded].join('\n').normalize('NFC');
    const folded = fold(text);
    for (const [what, found] of needles)
      if (found(text, folded)) leaks.push(`${what} in line ${index + 1}: ${line.slice(0, 300)}`);
  });
  return leaks;
}

/** Every string a JSON line holds, at any depth, decoded; nothing when the line is not JSON. */
function decodedStrings(line: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return [];
  }
  const strings: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node === 'string') strings.push(node);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(visit);
  };
  visit(value);
  return strings;
}

function submissionOf(family: Family): ApplicationSubmission {
  const base = kandasFamily();
  const { nameLatin: _fixtureLatin, ...baseApplicant } = base.applicant;
  const { applicant } = family;
  return {
    ...base,
    consent: { given: true, givenAt: '2026-01-01T00:00:00.000Z' },
    applicant: {
      ...baseApplicant,
      iin: applicant.iin,
      name: applicant.name,
      ...(applicant.latin ? { nameLatin: applicant.latin } : {}),
      birthDate: applicant.birthDate,
      maritalStatus: applicant.married ? 'married' : 'single',
      contacts: family.contacts,
    },
    familyMembers: family.members.map(({ relation, name, birthDate, iin: memberIin }) => ({
      relation,
      name,
      birthDate,
      ...(memberIin
        ? { iin: memberIin }
        : { foreignDocument: { kind: 'passport', number: 'RU-7711223', issuingCountry: 'RUS' } }),
    })),
  };
}

/** The same IIN with its last digit changed: 12 digits, a wrong check digit. */
function wrongCheckDigit(valid: string): string {
  return valid.slice(0, 11) + String((Number(valid[11]) + 1) % 10);
}

function tamper(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  return `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
}

function parseJsonLine(line: string): { time: string; level: string; context?: string; message: string } | null {
  try {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    return typeof parsed.time === 'string' && typeof parsed.level === 'string' && typeof parsed.message === 'string'
      ? (parsed as { time: string; level: string; message: string })
      : null;
  } catch {
    return null;
  }
}

async function readAllTypes(app: E2eApp): Promise<string[]> {
  const types: string[] = [];
  for await (const event of app.store.readAll()) types.push(event.type);
  return types;
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
