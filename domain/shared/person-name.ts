import { Violation } from './errors';

/** A person's name as written in the documents: in Kazakh or Russian Cyrillic, or in Latin letters. */
export interface PersonName {
  readonly lastName: string;
  readonly firstName: string;
  /** Patronymic (әкесінің аты / отчество), when the person has one. */
  readonly patronymic?: string;
}

/**
 * Letters of the Kazakh and Russian Cyrillic alphabets (incl. Ә Ғ Қ Ң Ө Ұ Ү Һ І and Ё) and of the
 * Latin alphabet (incl. the Kazakh Latin letters with diacritics), with the joiners real names use:
 * space, hyphen, apostrophe. One script per name part, so "Аsel" (Cyrillic А + Latin) is refused.
 */
const CYRILLIC_PART = /^[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]+(?:[ '’-][А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]+)*$/u;
const LATIN_PART = /^[A-Za-zÀ-ÖØ-öø-ÿĀ-žǴǵŞşĞğİıÁáÓóÚúÝýŃń]+(?:[ '’-][A-Za-zÀ-ÖØ-öø-ÿĀ-žǴǵŞşĞğİıÁáÓóÚúÝýŃń]+)*$/u;
const MAX_PART_LENGTH = 100;

export function nameViolations(name: unknown, field: string): Violation[] {
  if (typeof name !== 'object' || name === null) return [{ field, reason: 'is required' }];
  const { lastName, firstName, patronymic } = name as Partial<Record<keyof PersonName, unknown>>;
  const violations: Violation[] = [];
  const check = (value: unknown, part: string, required: boolean) => {
    if (value === undefined && !required) return;
    const reason = namePartProblem(value);
    if (reason) violations.push({ field: `${field}.${part}`, reason });
  };
  check(lastName, 'lastName', true);
  check(firstName, 'firstName', true);
  check(patronymic, 'patronymic', false);
  return violations;
}

function namePartProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim().length === 0) return 'is required';
  if (value !== value.trim()) return 'must not start or end with a space';
  if (value.length > MAX_PART_LENGTH) return `must be at most ${MAX_PART_LENGTH} characters`;
  const normalized = value.normalize('NFC');
  if (!CYRILLIC_PART.test(normalized) && !LATIN_PART.test(normalized)) {
    return 'must be written in Kazakh or Russian Cyrillic letters or in Latin letters';
  }
  return null;
}

export function formatName(name: PersonName): string {
  return [name.lastName, name.firstName, name.patronymic].filter(Boolean).join(' ');
}
