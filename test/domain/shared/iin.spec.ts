import { iinProblem, isValidIin, maskIin } from '@domain/shared/iin';

describe('IIN check digit (decree No. 406 of 22.05.2007)', () => {
  it('accepts an IIN whose 12th digit is the weighted sum mod 11', () => {
    // 1·8+2·5+3·0+4·3+5·1+6·5+7·4+8·0+9·0+10·1+11·2 = 125; 125 mod 11 = 4.
    expect(isValidIin('850315400124')).toBe(true);
  });

  it('uses the second weights when the first sum gives 10', () => {
    // First weights: 10·1 = 10, so the second weights decide: 1·1 = 1, the check digit.
    expect(iinProblem('000000000101')).toBeNull();
    expect(iinProblem('000000000100')).toBe('checksum does not match');
  });

  it('refuses an IIN with no valid check digit (10 under both weightings)', () => {
    // First: 9·2 + 10·8 + 11·1 = 109 ≡ 10; second: 11·2 + 1·8 + 2·1 = 32 ≡ 10.
    expect(iinProblem('000000002810')).toBe('no valid checksum exists');
  });

  it('refuses a wrong check digit, letters, and the wrong length', () => {
    expect(iinProblem('850315400125')).toBe('checksum does not match');
    expect(iinProblem('85031540012a')).toBe('not 12 digits');
    expect(iinProblem('85031540012')).toBe('not 12 digits');
    expect(iinProblem(850315400124)).toBe('not 12 digits');
  });

  it('masks an IIN for every masked view, keeping only the last two digits (never the birth date)', () => {
    expect(maskIin('850315400124')).toBe('**********24');
  });
});
