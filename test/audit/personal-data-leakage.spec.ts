import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { ApplicationSubmission, ApplicationSubmitted } from '@domain/application';
import type { PersonName } from '@domain/shared/person-name';
import { createAppLogger } from '../../apps/back-office/src/observability/app-logger';
import { runCommand } from '../../apps/cli/src/run-command';
import { SEED_DEFAULTS, seedDemoData } from '../../apps/cli/src/seed/seed-command';
import { E2eApp } from '../e2e/support/e2e-app';

/**
 * Every personal value of every seeded person (the seed's own generator: Kazakh and Russian names
 * in Cyrillic and Latin, e-mails made of the Latin name, IINs from the birth date), searched for in
 * every masked output: exports (JSON Lines, CSV), the auditors' HTTP views, the read models as an
 * operator sees them, the CLI's audit commands, and the log written meanwhile (ADR 26).
 */
interface PersonalValue {
  readonly owner: string;
  readonly kind: string;
  readonly pattern: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyCase = (text: string) => new RegExp(escape(text), 'iu');
/** dd.mm.yyyy, as Kazakh and Russian documents write a date. */
const dotted = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function nameValues(owner: string, name: PersonName | undefined): PersonalValue[] {
  if (!name) return [];
  return [name.lastName, name.firstName, name.patronymic]
    .filter((part): part is string => part !== undefined)
    .flatMap((part) => [part, part.normalize('NFD')])
    .map((part) => ({ owner, kind: 'name', pattern: anyCase(part) }));
}

function iinValues(owner: string, iin: string | undefined): PersonalValue[] {
  if (!iin) return [];
  return [
    { owner, kind: 'iin', pattern: anyCase(iin) },
    // The birth date the IIN starts with, at the start of a run of digits.
    { owner, kind: 'iin birth date', pattern: new RegExp(`(?<![0-9A-Za-z])${iin.slice(0, 6)}`) },
  ];
}

function dateValues(owner: string, date: string | undefined): PersonalValue[] {
  if (!date) return [];
  return [date, dotted(date)].map((form) => ({ owner, kind: 'date', pattern: anyCase(form) }));
}

function personalValuesOf(submission: ApplicationSubmission, applicationId: string): PersonalValue[] {
  const { applicant, familyMembers } = submission;
  const owner = `applicant of ${applicationId}`;
  const phoneDigits = applicant.contacts.phone.replace(/\D/g, '');
  return [
    ...nameValues(owner, applicant.name),
    ...nameValues(owner, applicant.nameLatin),
    ...iinValues(owner, applicant.iin),
    ...dateValues(owner, applicant.birthDate),
    ...dateValues(owner, applicant.divorcedOn),
    { owner, kind: 'phone', pattern: anyCase(applicant.contacts.phone) },
    { owner, kind: 'phone digits', pattern: anyCase(phoneDigits.slice(-10)) },
    ...(applicant.contacts.email
      ? [
          { owner, kind: 'email', pattern: anyCase(applicant.contacts.email) },
          { owner, kind: 'email local part', pattern: anyCase(applicant.contacts.email.split('@')[0]!) },
        ]
      : []),
    ...(applicant.kandasStatus
      ? [{ owner, kind: 'document', pattern: anyCase(applicant.kandasStatus.certificateNumber) }]
      : []),
    ...(applicant.resettler
      ? [{ owner, kind: 'document', pattern: anyCase(applicant.resettler.careerCentre.registrationNumber) }]
      : []),
    ...familyMembers.flatMap((member, index) => {
      const of = `family member ${index} of ${applicationId}`;
      return [
        ...nameValues(of, member.name),
        ...iinValues(of, member.iin),
        ...dateValues(of, member.birthDate),
        ...(member.foreignDocument
          ? [{ owner: of, kind: 'document', pattern: anyCase(member.foreignDocument.number) }]
          : []),
      ];
    }),
  ];
}

/**
 * Public text that a person's value may happen to spell: the law's sources are on adilet.zan.kz,
 * and Adilet is also a given name. Taken out before the search, so the search stays a plain one.
 */
const PUBLIC_TEXT = /adilet\.zan\.kz/giu;

function leaksIn(outputs: Readonly<Record<string, string>>, values: readonly PersonalValue[]): string[] {
  return Object.entries(outputs).flatMap(([output, text]) =>
    values
      .filter((value) => value.pattern.test(text.replace(PUBLIC_TEXT, '<law source>')))
      .map((value) => `${output}: ${value.kind} of ${value.owner} (${String(value.pattern)})`),
  );
}

describe('no personal data in any masked output (ADR 26)', () => {
  let dir: string;
  let e: E2eApp;
  const logLines: string[] = [];
  const submissions: (ApplicationSubmitted & { metadata: { correlationId: string } })[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kandas-leakage-'));
    const env = {
      ...process.env,
      EVENT_STORE: 'sqlite',
      KANDAS_EVENTS_FILE: join(dir, 'events.sqlite'),
      KANDAS_READ_MODELS_FILE: join(dir, 'read-models.sqlite'),
    };
    const seeded = await seedDemoData(
      { applications: 30, seed: 'leakage-1', from: SEED_DEFAULTS.from, to: SEED_DEFAULTS.to, force: false, env },
      () => undefined,
    );
    if (seeded.kind !== 'seeded') throw new Error(seeded.reason);
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    e = await E2eApp.start({
      env: {
        EVENT_STORE: 'sqlite',
        KANDAS_EVENTS_FILE: env.KANDAS_EVENTS_FILE,
        KANDAS_READ_MODELS_FILE: env.KANDAS_READ_MODELS_FILE,
        // The tokens the test mints and the service checks are signed with one key, whatever folder holds the store.
        KANDAS_JWT_SECRET: 'leakage-spec-secret-0123456789abcdef0123456789abcdef',
      },
      logger: createAppLogger({ level: 'debug', destination }),
    });
    await e.settle();
    for await (const event of e.store.readAll())
      if (event.type === 'ApplicationSubmitted') submissions.push(event as unknown as (typeof submissions)[number]);
  }, 120_000);
  afterAll(async () => {
    await e?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds people whose personal values the search can find in clear', async () => {
    expect(submissions.length).toBeGreaterThanOrEqual(20);
    const values = submissions.flatMap((s) => personalValuesOf(s.data.submission, s.data.applicationId));
    expect(values.some((value) => value.kind === 'email local part')).toBe(true);
    expect(submissions.some((s) => /[әғқңөұүһі]/iu.test(JSON.stringify(s.data.submission.applicant.name)))).toBe(true);
    // The search works: the reviewer, who decides on the person, sees them in clear.
    const { applicationId } = submissions[0]!.data;
    const clear = await e.as('reviewer').get(`/audit/applications/${applicationId}/history`).expect(200);
    expect(
      leaksIn({ clear: clear.text }, personalValuesOf(submissions[0]!.data.submission, applicationId)),
    ).not.toEqual([]);
  });

  it('finds none in the exports, the auditors’ views, the operators’ queries, the CLI and the logs', async () => {
    const outputs: Record<string, string> = {};
    const auditor = e.as('auditor', 'auditor-9');
    const period = 'from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z';
    outputs['export jsonl'] = (await auditor.get(`/audit/export?${period}`).expect(200)).text;
    outputs['export csv'] = (await auditor.get(`/audit/export?${period}&format=csv`).expect(200)).text;
    const cli: string[] = [];
    const print = (line: string) => cli.push(line);
    await runCommand(e.app, ['export', '--from', '2020-01-01T00:00:00Z', '--to', '2030-01-01T00:00:00Z'], print);
    await runCommand(
      e.app,
      ['export', '--from', '2020-01-01T00:00:00Z', '--to', '2030-01-01T00:00:00Z', '--format', 'csv'],
      print,
    );
    for (const submitted of submissions) {
      const id = submitted.data.applicationId;
      const history = await auditor.get(`/audit/applications/${id}/history`).expect(200);
      const last = (history.body.events as { revision: number; correlationId: string }[]).at(-1)!;
      outputs[`history ${id}`] = history.text;
      outputs[`correlation ${id}`] = (
        await auditor.get(`/audit/correlations/${submitted.metadata.correlationId}`)
      ).text;
      outputs[`as-of ${id}`] = (await auditor.get(`/audit/applications/${id}/as-of?revision=${last.revision}`)).text;
      outputs[`diff ${id}`] = (await auditor.get(`/audit/applications/${id}/diff?from=0&to=${last.revision}`)).text;
      outputs[`diff from nothing ${id}`] = (
        await auditor.get(`/audit/applications/${id}/diff?from=2020-01-01T00:00:00Z&to=${last.revision}`)
      ).text;
      outputs[`details ${id}`] = (await e.as('operator').get(`/applications/${id}`)).text;
      await runCommand(e.app, ['history', id], print);
      await runCommand(e.app, ['correlation', submitted.metadata.correlationId], print);
      await runCommand(e.app, ['as-of', id, '--revision', String(last.revision)], print);
      await runCommand(e.app, ['diff', id, '0', String(last.revision)], print);
    }
    outputs['list'] = (await e.as('operator').get('/applications?limit=100')).text;
    outputs['cli'] = cli.join('\n');
    outputs['logs'] = logLines.join('');
    outputs['access log'] = (await auditor.get(`/audit/export?stream=audit-access`).expect(200)).text;

    const values = submissions.flatMap((s) => personalValuesOf(s.data.submission, s.data.applicationId));
    expect(leaksIn(outputs, values)).toEqual([]);
    expect(outputs['export jsonl']).toContain('**********');
    expect(cli.length).toBeGreaterThan(submissions.length * 4);
  });
});
