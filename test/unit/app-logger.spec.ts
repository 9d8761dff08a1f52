import { createAppLogger, maskPersonalData } from '../../apps/back-office/src/observability/app-logger';

/** nestjs-pino keeps one root logger per process (here, per spec file): every case reads the same lines. */
const lines: string[] = [];
const logger = createAppLogger({ level: 'debug', destination: { write: (line) => void lines.push(line) } });
const written = (): Array<Record<string, unknown>> =>
  lines.splice(0).map((line) => JSON.parse(line) as Record<string, unknown>);

describe('structured logs (pino through nestjs-pino)', () => {
  it('writes one JSON object per line with time, level, context and message', () => {
    logger.log('Back office started', 'Bootstrap');
    expect(lines).toEqual([expect.stringMatching(/^\{[^\n]*\}\n$/)]);
    expect(written()).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        level: 'info',
        context: 'Bootstrap',
        message: 'Back office started',
      },
    ]);
  });

  it('names the levels Nest logs at, and leaves out what is below the configured level', () => {
    logger.warn('slow disk', 'Store');
    logger.error('Cannot start: the file is locked', 'Bootstrap');
    logger.debug?.('a debug line', 'Store');
    logger.verbose?.('below debug: not written', 'Store');
    expect(written().map((entry) => [entry.level, entry.message])).toEqual([
      ['warn', 'slow disk'],
      ['error', 'Cannot start: the file is locked'],
      ['debug', 'a debug line'],
    ]);
  });

  it('masks every IIN-like run of 12 digits, e-mail and phone number, wherever it stands, and leaves other numbers alone', () => {
    expect(maskPersonalData('IIN 850315400124 refused; 870721400234,x')).toBe(
      'IIN **********24 refused; **********34,x',
    );
    expect(maskPersonalData('position 1234567890123 and 12345')).toBe('position 1234567890123 and 12345');
    expect(maskPersonalData('mail ernar.sultan7@mail.kz, call +7 701 234 56 78')).toBe('mail ***@mail.kz, call ***78');
    logger.error(new Error('signer 850315400124 is not the applicant'), 'HTTP');
    logger.log('review of 870721400234 started', 'Saga');
    const text = lines.join('');
    expect(text).not.toContain('850315400124');
    expect(text).not.toContain('870721400234');
    expect(written().map((entry) => entry.message)).toEqual([
      'signer **********24 is not the applicant',
      'review of **********34 started',
    ]);
  });

  it('redacts the fields that carry a person or a credential, should an object holding them be logged', () => {
    logger.warn(
      {
        message: 'refused',
        applicant: { iin: '850315400124', name: { lastName: 'Бөкейханов' } },
        req: { headers: { authorization: 'Bearer abc.def.ghi' } },
      },
      'HTTP',
    );
    const [entry] = written();
    expect(entry).toMatchObject({
      applicant: { iin: '[redacted]', name: '[redacted]' },
      req: { headers: { authorization: '[redacted]' } },
    });
    expect(JSON.stringify(entry)).not.toMatch(/Бөкейханов|abc\.def/);
  });
});
