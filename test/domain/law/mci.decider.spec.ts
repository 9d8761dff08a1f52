import { mciDecider, type MciAmended, type SetMci } from '@domain/law';
import { mciOn } from '@domain/subsidy';
import { AMENDMENT } from './law-fixtures';

const set = (validFrom: string, value: number): SetMci => ({
  type: 'SetMci',
  validFrom,
  value,
  ...AMENDMENT,
  takesEffectOn: '2026-12-31',
});
const run = (commands: SetMci[]) =>
  commands.reduce<{ events: MciAmended[] }>(
    ({ events }, command) => ({
      events: [...events, ...mciDecider.decide(command, events.reduce(mciDecider.evolve, mciDecider.initialState()))],
    }),
    { events: [] },
  ).events;

describe('the MCI, with its effective dates', () => {
  it('given 2022 from 1 January, when 3,180 is recorded from 1 June, then a decision of 15 June 2022 uses 3,180', () => {
    const events = run([set('2022-01-01', 3063), set('2022-06-01', 3180)]);
    const table = events.at(-1)!.data.table;
    expect(table).toEqual([
      { validFrom: '2022-01-01', value: 3063 },
      { validFrom: '2022-06-01', value: 3180 },
    ]);
    expect(mciOn('2022-06-15', table).value).toBe(3180);
    expect(mciOn('2022-05-31', table).value).toBe(3063);
  });

  it('given 2026, when no 2027 row is recorded, then a 2027 date still has no MCI (SUBSIDY.MCI_NOT_AVAILABLE)', () => {
    const table = run([set('2026-01-01', 4325)]).at(-1)!.data.table;
    expect(() => mciOn('2027-01-04', table)).toThrow(expect.objectContaining({ code: 'SUBSIDY.MCI_NOT_AVAILABLE' }));
    expect(() => mciOn('2027-01-04', [])).toThrow(expect.objectContaining({ code: 'SUBSIDY.MCI_NOT_AVAILABLE' }));
  });

  it('when a row is corrected, then the event says from what to what', () => {
    const events = run([set('2026-01-01', 4300), set('2026-01-01', 4325)]);
    expect(events.at(-1)!.data.rowsChanged).toEqual([{ validFrom: '2026-01-01', from: 4300, to: 4325 }]);
    expect(events.at(-1)!.data.version).toBe('2');
  });

  it('refuses an MCI that is not a positive whole number of tenge (LAW.MCI_INVALID), and one that changes nothing', () => {
    expect(() => run([set('2027-01-01', 4500.5)])).toThrow(expect.objectContaining({ code: 'LAW.MCI_INVALID' }));
    expect(() => run([set('2027-01-01', 0)])).toThrow(expect.objectContaining({ code: 'LAW.MCI_INVALID' }));
    expect(() => run([set('2027-01-01', 4500), set('2027-01-01', 4500)])).toThrow(
      expect.objectContaining({ code: 'LAW.NOTHING_CHANGED' }),
    );
  });
});
