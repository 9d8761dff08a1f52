/**
 * What the review process writes itself as a refusal's explanation when no officer's words are
 * there to record, and how everyone who shows an explanation recognises those words again.
 *
 * The stored events keep them as written — in English, since ADR 32's first version — and an
 * event never changes its meaning; so the readers (the console, the applicant's notices and the
 * decision letter) recognise them here, say them in their reader's language, and never show them
 * as if an officer had written them:
 *
 * - `Refused on INCOMPLETE_DOCUMENTS, OTHER`: the reviewer left no comment and rejected no
 *   document; it says nothing more than the grounds, which every reader shows by their titles;
 * - `The kandas quota of pavlodar for 2026 has 0 seat(s) left; the family counts 3`;
 * - `No kandas quota is set for pavlodar in 2026`.
 */
export type ProcessExplanation =
  | { readonly kind: 'grounds-only' }
  | { readonly kind: 'quota-full'; readonly quota: QuotaNamed; readonly remaining: number; readonly persons: number }
  | { readonly kind: 'quota-not-set'; readonly quota: QuotaNamed };

export interface QuotaNamed {
  readonly category: string;
  readonly region: string;
  readonly year: string;
}

interface QuotaOf {
  readonly category: string;
  readonly region: string;
  readonly year: number;
}

export function groundsOnlyExplanation(grounds: readonly string[]): string {
  return `Refused on ${grounds.join(', ')}`;
}

export function quotaFullExplanation({ category, region, year }: QuotaOf, remaining: number, persons: number): string {
  return `The ${category} quota of ${region} for ${year} has ${remaining} seat(s) left; the family counts ${persons}`;
}

export function quotaNotSetExplanation({ category, region, year }: QuotaOf): string {
  return `No ${category} quota is set for ${region} in ${year}`;
}

const GROUNDS_ONLY = /^Refused on (.+)$/;
const QUOTA_FULL = /^The (\S+) quota of (\S+) for (\d{4}) has (\d+) seat\(s\) left; the family counts (\d+)$/;
const QUOTA_NOT_SET = /^No (\S+) quota is set for (\S+) in (\d{4})$/;

/** The process's own explanation, recognised; null for an officer's words (or anything else). */
export function processExplanation(explanation: string, grounds: readonly string[]): ProcessExplanation | null {
  const text = explanation.trim();
  const onGrounds = GROUNDS_ONLY.exec(text);
  if (onGrounds?.[1] !== undefined && sameCodes(onGrounds[1].split(', '), grounds)) return { kind: 'grounds-only' };
  const full = QUOTA_FULL.exec(text);
  if (full) {
    const [, category = '', region = '', year = '', remaining = '', persons = ''] = full;
    return {
      kind: 'quota-full',
      quota: { category, region, year },
      remaining: Number(remaining),
      persons: Number(persons),
    };
  }
  const notSet = QUOTA_NOT_SET.exec(text);
  if (notSet) {
    const [, category = '', region = '', year = ''] = notSet;
    return { kind: 'quota-not-set', quota: { category, region, year } };
  }
  return null;
}

/** An officer's words, or null when the process wrote the explanation itself. */
export function officerExplanation(explanation: string, grounds: readonly string[]): string | null {
  return processExplanation(explanation, grounds) === null ? explanation : null;
}

/** The codes the words list are the grounds recorded: the process wrote them, no officer did. */
function sameCodes(listed: readonly string[], grounds: readonly string[]): boolean {
  const recorded = new Set(grounds);
  return listed.length > 0 && listed.every((code) => recorded.has(code)) && recorded.size === new Set(listed).size;
}
