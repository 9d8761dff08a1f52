import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../../apps/cli/src/run-command';
import { SagaHarness } from '../saga/support/saga-harness';

const cli = async (h: SagaHarness, ...argv: string[]) => {
  const lines: string[] = [];
  const code = await runCommand(h.app, argv, (line) => lines.push(line));
  return { code, lines };
};

const BASIS = [
  '--basis-kind',
  'announcement',
  '--basis-date',
  '2026-03-18',
  '--basis-title',
  'Ministry of Labour: Constitution Day moved to 15 March; 30 August no longer a holiday',
  '--basis-source',
  'https://taspanews.kz/',
];

describe('law: show the law in force and amend it from the CLI (ADR 22)', () => {
  let h: SagaHarness;
  afterEach(() => h.close());

  it('given a store seeded as of 17 March 2026, when 31 August 2026 is declared worked, then 2026 has 247 working days', async () => {
    h = await SagaHarness.start({ env: { KANDAS_LAW_BASELINE_AS_OF: '2026-03-17' } });
    const before = await cli(h, 'law', 'show', 'calendar', '--year', '2026');
    expect(before.code).toBe(0);
    expect(before.lines[0]).toBe('calendar 2026 in force: version 2026.1 (revision 0)');
    expect(before.lines).toContain('246 working days; days off:');

    const amended = await cli(
      h,
      'law',
      'calendar',
      'worked-day',
      '--date',
      '2026-08-31',
      ...BASIS,
      '--takes-effect-on',
      '2026-03-18',
      '--reason',
      'announced on 18 March',
      '--expected-revision',
      '0',
    );
    expect(amended).toEqual({
      code: 0,
      lines: [
        'Recorded law-calendar-2026 revision 1: 2026.2, 247 working days; days off added: none; removed: 2026-08-31',
      ],
    });
    const after = await cli(h, 'law', 'show', 'calendar', '--year', '2026');
    expect(after.lines).toContain('247 working days; days off:');
    const asBefore = await cli(h, 'law', 'show', 'calendar', '--year', '2026', '--at', '2026-03-17');
    expect(asBefore.lines).toContain('246 working days; days off:');
  });

  it('refuses an amendment the law refuses, printing its code and fields (exit 1), and bad arguments (exit 2)', async () => {
    h = await SagaHarness.start();
    const noMci = await cli(
      h,
      'law',
      'mci',
      '--from',
      '2027-01-01',
      '--value',
      '0',
      ...BASIS,
      '--takes-effect-on',
      '2027-01-01',
    );
    expect(noMci.code).toBe(1);
    expect(noMci.lines).toEqual([
      'Refused: LAW.MCI_INVALID — The MCI is invalid',
      '  value: must be a positive whole number of tenge',
    ]);
    const past = await cli(
      h,
      'law',
      'mci',
      '--from',
      '2027-01-01',
      '--value',
      '4500',
      ...BASIS,
      '--takes-effect-on',
      '2026-01-01',
    );
    expect(past.code).toBe(1);
    expect(past.lines[0]).toMatch(/^Refused: LAW.REASON_REQUIRED/);
    const recorded = await cli(
      h,
      'law',
      'mci',
      '--from',
      '2027-01-01',
      '--value',
      '4500',
      ...BASIS,
      '--takes-effect-on',
      '2027-01-01',
    );
    expect(recorded).toEqual({ code: 0, lines: ['Recorded law-mci revision 9: MciAmended version 10'] });
    expect((await cli(h, 'law', 'show', 'mci')).lines).toContain('  from 2027-01-01: 4500 ₸');
    expect((await cli(h, 'law', 'show', 'calendar')).code).toBe(2);
  });
});

describe('law: the rent rates, the refusal grounds and the SLA policy from JSON files (ADR 22)', () => {
  let h: SagaHarness;
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kandas-law-'))));
  afterEach(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };
  const ORDER = [
    '--basis-kind',
    'order',
    '--basis-number',
    '20',
    '--basis-date',
    '2026-12-01',
    '--basis-title',
    'Order No. 20 as amended',
    '--basis-source',
    'https://adilet.zan.kz/rus/docs/V1600013334',
    '--takes-effect-on',
    '2026-12-10',
  ];

  it('given the initial amendments, when an administrator sets the SLA policy from a file, then it is in force with its new version', async () => {
    h = await SagaHarness.start();
    const policy = {
      zone: 'Asia/Almaty',
      workdayStart: '09:00',
      workdayEnd: '18:30',
      reviewWorkingDays: 14,
      atRiskWorkingDaysBeforeDue: 2,
    };
    const set = await cli(h, 'law', 'sla-policy', '--file', file('sla.json', policy), ...ORDER);
    expect(set.code).toBe(0);
    expect(set.lines.join('\n')).toContain('law-sla-policy');
    const shown = await cli(h, 'law', 'show', 'sla-policy');
    expect(shown.lines.join('\n')).toMatch(/2 working days|atRisk.*2|2\b/);
  });

  it('refuses a rent rate outside 15–30 MCI and a ground list without labels, naming the field (exit 1), and a file that is not JSON (exit 2)', async () => {
    h = await SagaHarness.start();
    const rates = await cli(h, 'law', 'rent-rates', '--file', file('rates.json', { pavlodar: { city: 31 } }), ...ORDER);
    expect(rates.code).toBe(1);
    expect(rates.lines.join('\n')).toContain('pavlodar');
    const grounds = await cli(h, 'law', 'refusal-grounds', '--file', file('grounds.json', [{ code: 'X' }]), ...ORDER);
    expect(grounds.code).toBe(1);
    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{ not json');
    const broken = await cli(h, 'law', 'sla-policy', '--file', notJson, ...ORDER);
    expect(broken.code).toBe(2);
  });
});
