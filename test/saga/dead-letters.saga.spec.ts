import { DEFAULT_SLA_POLICY, KAZAKHSTAN_CALENDAR_YEARS, WorkingDayCalendar } from '@domain/calendar';
import { DEFAULT_RENT_RATES } from '@domain/subsidy';
import { defaultWorkflowConfig } from '@libs/workflow';
import { runCommand } from '../../apps/cli/src/run-command';
import { SagaHarness } from './support/saga-harness';
import { family, review, submitAndSign } from './support/scenario';

const cli = async (h: SagaHarness, ...argv: string[]) => {
  const lines: string[] = [];
  const code = await runCommand(h.app, argv, (line) => lines.push(line));
  return { code, lines };
};

describe('review saga: a poisoned event is parked, the others keep flowing, an operator retries it', () => {
  let h: SagaHarness;
  afterEach(() => h.close());

  it('parks the inclusion of a family in a region without a rent rate, serves the next application, and resolves once the rate is set', async () => {
    h = await SagaHarness.start();
    await h.openQuota('astana', 2026, 'kandas', 100);
    await h.openQuota('pavlodar', 2026, 'kandas', 977);
    const poisoned = await submitAndSign(
      h,
      family((s) => ({ ...s, region: 'astana' })),
    );
    const next = await submitAndSign(h);
    await review(h, poisoned, 'eligible');
    await h.settle();
    await review(h, next, 'eligible');
    await h.settle();

    // The relocation subsidy was granted, the rent subsidy could not be: no rate for Astana.
    expect((await h.typesOf(poisoned)).slice(-2)).toEqual(['ApplicationIncluded', 'SubsidyGranted']);
    expect((await h.typesOf(next)).slice(-3)).toEqual(['ApplicationIncluded', 'SubsidyGranted', 'SubsidyGranted']);
    const [letter] = await h.deadLetters.list({ status: 'parked' });
    expect(letter).toMatchObject({
      type: 'ApplicationIncluded',
      streamId: `application-${poisoned}`,
      error: { code: 'SUBSIDY.RENT_RATE_NOT_SET' },
    });
    expect((await cli(h, 'dead-letters', 'list')).lines.join('\n')).toContain(
      `parked   ${letter!.eventId}  ApplicationIncluded application-${poisoned}`,
    );

    // The administrator sets Astana's rate; the operator runs the parked event again.
    const rentRates = {
      ...DEFAULT_RENT_RATES,
      version: 'order-2026-astana',
      rates: { ...DEFAULT_RENT_RATES.rates, astana: { city: 30, town: 25, village: 20 } },
    };
    h = await h.restart({ workflow: { ...defaultWorkflowConfig(), subsidyPolicy: { rentRates } } });
    expect(await cli(h, 'dead-letters', 'retry', letter!.eventId)).toEqual({
      code: 0,
      // The two subsidies, and the inclusion recorded for each person (ADR 16).
      lines: [`Resolved ${letter!.eventId}: 3 command(s) executed.`],
    });
    const granted = (await h.events(`application-${poisoned}`)).filter((e) => e.type === 'SubsidyGranted');
    expect(granted.map((e) => (e.data as { kind: string }).kind)).toEqual(['relocation', 'rent']);
    expect(await h.deadLetters.list({ status: 'parked' })).toEqual([]);
    expect((await cli(h, 'dead-letters', 'list', '--all')).lines[0]).toMatch(/^resolved/);
  });

  it('parks a signing whose deadline needs a year the calendar lacks, without retrying a rule that cannot change by waiting', async () => {
    const onlyUntil2026 = {
      ...defaultWorkflowConfig(),
      calendar: WorkingDayCalendar.fromYears(KAZAKHSTAN_CALENDAR_YEARS.filter((y) => y.year <= 2026)),
      slaPolicy: DEFAULT_SLA_POLICY,
    };
    h = await SagaHarness.start({ workflow: onlyUntil2026 });
    h.clock.set('2026-12-15T05:00:00.000Z'); // due in January 2027
    const id = await submitAndSign(h);
    await h.settle();

    expect(await h.typesOf(id)).toEqual(['ApplicationSubmitted', 'SigningCodeIssued', 'ApplicationSigned']);
    expect(await h.deadLetters.list()).toEqual([
      expect.objectContaining({
        type: 'ApplicationSigned',
        attempts: 1,
        error: expect.objectContaining({ code: 'CALENDAR.YEAR_NOT_AVAILABLE' }),
      }),
    ]);
    expect(h.waits).toEqual([]);
    expect(h.runners.find((r) => r.name === 'review-saga')!.state).toBe('running');
  });

  it('answers an unknown command with one line on stderr (commander) and a non-zero code', async () => {
    h = await SagaHarness.start();
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const { code, lines } = await cli(h, 'dead-letters', 'bury');
      expect(code).toBe(2);
      expect(lines).toEqual([]);
      expect(stderr.mock.calls.map(([text]) => String(text)).join('')).toMatch(/^error: unknown command 'bury'\n$/);
    } finally {
      stderr.mockRestore();
    }
  });
});
