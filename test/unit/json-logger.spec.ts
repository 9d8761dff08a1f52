import { JsonLogger, maskPersonalData } from '../../apps/back-office/src/observability/json-logger';

describe('structured logs', () => {
  it('writes one JSON object per line with time, level, context and message', () => {
    const lines: string[] = [];
    new JsonLogger((line) => lines.push(line)).log('Back office started', 'Bootstrap');
    expect(JSON.parse(lines[0]!)).toEqual({ time: expect.any(String), level: 'info', context: 'Bootstrap', message: 'Back office started' });
  });

  it('masks every IIN-like run of 12 digits, wherever it stands, and leaves other numbers alone', () => {
    expect(maskPersonalData('IIN 850315400124 refused; 870721400234,x')).toBe('IIN 85********24 refused; 87********34,x');
    expect(maskPersonalData('position 1234567890123 and 12345')).toBe('position 1234567890123 and 12345');
    const lines: string[] = [];
    new JsonLogger((line) => lines.push(line)).error(new Error('signer 850315400124 is not the applicant'), 'HTTP');
    expect(lines[0]).not.toContain('850315400124');
  });
});
