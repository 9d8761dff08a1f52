/**
 * Personal data, declared once (ADR 26): for every stored event type, the paths into its `data`
 * that hold a person's data and what kind each is. Every masked view — exports, the auditors'
 * views, logs — masks from these declarations, so a field is masked everywhere or nowhere.
 *
 * A path is dotted; `[]` stands for every element of an array, `*` for every key of an object.
 * A kind applies to the whole value at its path: every string inside it is masked as that kind
 * (a name object `{ lastName, firstName, patronymic }` is declared once, as `name`).
 */
export type PersonalDataKind =
  | 'name'
  | 'iin'
  | 'email'
  | 'phone'
  | 'birthDate'
  /** Another date of the person's life (a divorce): as identifying as a birth date, masked the same. */
  | 'lifeDate'
  | 'address'
  | 'documentNumber'
  /** A bank account (an IBAN): its country and last four characters stay, so an officer can tell two apart. */
  | 'bankAccount'
  /** Text a person typed (a comment, an explanation): it may name anyone, so it is masked whole. */
  | 'freeText';

export type PersonalFields = Readonly<Record<string, PersonalDataKind>>;

/** The personal fields of one event type, for the schema version its data is read in (after upcasting). */
export interface PersonalDataDeclaration {
  readonly schemaVersion: number;
  readonly fields: PersonalFields;
}

/** An event type whose data names no person (the law, quotas, claims of idempotency keys…). */
export const noPersonalData = (schemaVersion = 1): PersonalDataDeclaration => ({ schemaVersion, fields: {} });

/** The same fields, found under `prefix` (a state that keeps an event's data under a key). */
export function fieldsUnder(prefix: string, fields: PersonalFields): PersonalFields {
  return Object.fromEntries(Object.entries(fields).map(([path, kind]) => [`${prefix}.${path}`, kind]));
}

const HIDDEN = '***';

/**
 * The masks. An IIN keeps only its last two digits (a serial digit and the check digit): its first
 * six are the birth date, which with anything else narrows a person to a handful. Dates of a
 * person's life are masked whole (the year alone is still a quasi-identifier); an e-mail keeps its
 * domain only, since its local part is usually the name.
 */
export function maskAs(kind: PersonalDataKind, value: string): string {
  switch (kind) {
    case 'name':
      return maskNamePart(value);
    case 'iin':
      return maskIin(value);
    case 'email': {
      const at = value.lastIndexOf('@');
      return at < 0 ? HIDDEN : `${HIDDEN}@${value.slice(at + 1)}`;
    }
    case 'phone':
      return `${HIDDEN}${value.replace(/\D/g, '').slice(-2)}`;
    case 'birthDate':
    case 'lifeDate':
      return '****-**-**';
    case 'bankAccount':
      return value.length > 6 ? `${value.slice(0, 2)}${'*'.repeat(value.length - 6)}${value.slice(-4)}` : HIDDEN;
    case 'address':
    case 'documentNumber':
    case 'freeText':
      return HIDDEN;
  }
}

/** A name part reduced to its first letter (a whole code point: Cyrillic and Kazakh letters stay intact) + '***'. */
export function maskNamePart(part: string): string {
  const first = Array.from(part)[0];
  return first === undefined ? part : `${first}${HIDDEN}`;
}

/** Every digit hidden but the last two; never the birth date the first six carry. */
export function maskIin(iin: string): string {
  return iin.length === 12 ? `**********${iin.slice(10)}` : '************';
}

/**
 * An id that names a person: a stream id or an actor id made of a prefix and a personal value
 * (`person-<iin>`, ADR 16). Masked as `<prefix><masked value>`, so the kind of stream still shows.
 */
export interface PersonalIdForm {
  readonly prefix: string;
  readonly kind: PersonalDataKind;
}

export function maskId(forms: readonly PersonalIdForm[], id: string): string {
  const form = forms.find((candidate) => id.startsWith(candidate.prefix));
  return form ? `${form.prefix}${maskAs(form.kind, id.slice(form.prefix.length))}` : id;
}
