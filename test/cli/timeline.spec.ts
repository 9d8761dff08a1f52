import { cliProgram } from '../../apps/cli/src/commands/cli-program';
import { runCommand } from '../../apps/cli/src/run-command';
import { APPLICANT_IIN } from '../domain/application/fixtures';
import { SagaHarness } from '../saga/support/saga-harness';
import { knownFamily, review, submitAndSign } from '../saga/support/scenario';

const cli = async (h: SagaHarness, ...argv: string[]) => {
  const lines: string[] = [];
  const code = await runCommand(h.app, argv, (line) => lines.push(line));
  return { code, lines };
};

describe('history and decision from the CLI (ADR 27)', () => {
  let h: SagaHarness;
  let id: string;
  beforeAll(async () => {
    h = await SagaHarness.start();
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
    h.clock.set('2026-03-02T05:01:00.000Z');
    id = await submitAndSign(h, knownFamily());
    await h.settle();
    h.clock.set('2026-03-10T06:00:00.000Z');
    await review(h, id, 'eligible');
    await h.settle();
  });
  afterAll(() => h.close());

  it('prints the history as numbered sentences in Russian, no IIN in them', async () => {
    const { code, lines } = await cli(h, 'history', id);
    expect(code).toBe(0);
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe(
      '  1. 02.03.2026 10:01 — портал eGov: подано заявление заявителя на включение в квоту — Павлодарская область, 2026 год, категория «кандас», 3 человека.',
    );
    // The deadline of a preliminary refusal's notice, derived from the review's (ADR 32), then the decision.
    expect(lines[4]).toContain(
      'о предварительном решении об отказе, если оно будет, заявителя нужно уведомить не позднее 18.03.2026 18:30',
    );
    expect(lines[7]).toMatch(/^ {2}8\. 10\.03\.2026 11:00 — система \(процесс\): заявление включено в квоту/);
    expect(lines.join('\n')).not.toContain(APPLICANT_IIN);
  });

  it('speaks Kazakh with --lang kk, and keeps the technical lines with --raw', async () => {
    const kk = await cli(h, 'history', id, '--lang', 'kk');
    expect(kk.lines[0]).toContain('eGov порталы: өтініш берушінің квотаға енгізу туралы өтініші берілді');
    const raw = await cli(h, 'history', id, '--raw');
    expect(raw.lines[0]).toMatch(
      new RegExp(`application-${id}@0  ApplicationSubmitted\\s+2026-03-02T05:01:00.000Z  portal:egov`),
    );
  });

  it('answers the decision in one line, and as JSON with --json', async () => {
    const { code, lines } = await cli(h, 'decision', id, '--lang', 'en');
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Included in the quota: decision No\. \S+ of 10\.03\.2026, taken 10\.03\.2026 11:00 \(reviewer \S+\); subsidies: [\d ]+ ₸ \(MCI 2026: 4 325 ₸.*\); due 26\.03\.2026 18:30 \(calendar \S+\), met\.$/,
    );
    const json = await cli(h, 'decision', id, '--json');
    expect(JSON.parse(json.lines.join('\n'))).toMatchObject({
      decided: true,
      outcome: 'included',
      met: true,
      language: 'ru',
    });
  });

  it('refuses an unknown language (exit 2) and answers 1 for an application with no stream', async () => {
    expect((await cli(h, 'decision', id, '--lang', 'de')).code).toBe(2);
    expect((await cli(h, 'history', id, '--raw', '--json')).code).toBe(2);
    const none = await cli(h, 'decision', '00000000-0000-4000-8000-000000000000');
    expect(none).toEqual({ code: 1, lines: ['No stream application-00000000-0000-4000-8000-000000000000.'] });
  });

  it('tells the truth in as-of’s help: --at compares occurredAt', async () => {
    const program = cliProgram({
      print: () => undefined,
      onWorkflow: () => Promise.resolve(0),
      exitWith: () => undefined,
    });
    const help = program.commands.find((command) => command.name() === 'as-of')!.helpInformation();
    expect(help.replace(/\s+/g, ' ')).toContain("--at compares the events' occurredAt");
  });
});
