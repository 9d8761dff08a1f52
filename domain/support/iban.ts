/**
 * The recipient's account: an IBAN of Kazakhstan — `KZ`, two check digits, a three-digit bank code
 * and a 13-character account, 20 characters in all — its check digits verified as ISO 13616 says
 * (the number read with its first four characters moved to the end, letters as 10–35, is 1 modulo 97).
 */
export const KZ_IBAN_LENGTH = 20;

/** Spaces removed and letters upper-cased: the form an IBAN is stored and compared in. */
export function normalisedIban(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Why the value is not an IBAN of Kazakhstan, or null when it is one. */
export function kzIbanProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be an IBAN of Kazakhstan (KZ and 18 characters)';
  const iban = normalisedIban(value);
  if (!iban.startsWith('KZ')) return 'must be an IBAN of Kazakhstan, starting with KZ';
  if (iban.length !== KZ_IBAN_LENGTH) return `must have ${KZ_IBAN_LENGTH} characters, has ${iban.length}`;
  if (!/^KZ\d{2}\d{3}[0-9A-Z]{13}$/.test(iban))
    return 'must be KZ, two check digits, a three-digit bank code and 13 letters or digits';
  return mod97(iban) === 1 ? null : 'its check digits do not match the account (ISO 13616)';
}

function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const digits = /\d/.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** The IBAN of Kazakhstan for a bank code (3 digits) and an account (13 letters or digits): its check digits computed. */
export function kzIbanOf(bankCode: string, account: string): string {
  const body = `${bankCode}${account}`.toUpperCase();
  if (!/^\d{3}[0-9A-Z]{13}$/.test(body))
    throw new Error('A bank code of 3 digits and an account of 13 letters or digits');
  const check = 98 - mod97(`KZ00${body}`);
  return `KZ${String(check).padStart(2, '0')}${body}`;
}
