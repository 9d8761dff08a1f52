import type { BilingualGround, DecisionLetterFacts, LetterFamilyMember, LetterPerson } from './letter-facts';
import { KK_LETTER } from './letter-phrases-kk';
import { RU_LETTER } from './letter-phrases-ru';
import type { LetterPhrases } from './letter-phrases';

export type LetterLanguage = 'kk' | 'ru';

/** One block of the letter, in the order printed: the PDF lays them out, the text test reads them back. */
export type LetterBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'field'; readonly label: string; readonly text: string }
  | { readonly kind: 'item'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string };

export interface LetterPart {
  readonly language: LetterLanguage;
  readonly blocks: readonly LetterBlock[];
}

/** The decision letter: the service's name, then the same letter in Kazakh (the state language) and in Russian. */
export interface DecisionLetter {
  readonly header: readonly string[];
  readonly parts: readonly LetterPart[];
  readonly footer: string;
  /** The PDF's title and its creation date (the decision's instant): fixed, so the bytes are. */
  readonly title: string;
  readonly createdAt: Date;
}

const PHRASES: Record<LetterLanguage, LetterPhrases> = { kk: KK_LETTER, ru: RU_LETTER };

/** The letter a decision's facts make: every sentence from the phrases of its language, nothing added by hand. */
export function decisionLetterOf(facts: DecisionLetterFacts): DecisionLetter {
  return {
    header: [KK_LETTER.serviceName, RU_LETTER.serviceName],
    parts: (['kk', 'ru'] as const).map((language) => ({ language, blocks: blocksOf(facts, PHRASES[language]) })),
    footer: `${KK_LETTER.signedBy} / ${RU_LETTER.signedBy}`,
    title: `${RU_LETTER.decisionNumber(facts.decision)} — ${facts.applicationId}`,
    createdAt: new Date(facts.decidedAt),
  };
}

/** The letter's text as it is printed, block by block (what a PDF text extractor gives back). */
export function letterText(letter: DecisionLetter): string {
  const blocks = letter.parts.flatMap((part) => part.blocks.map(blockText));
  return [...letter.header, ...blocks, letter.footer].join('\n');
}

export function blockText(block: LetterBlock): string {
  return block.kind === 'field' ? `${block.label} ${block.text}` : block.text;
}

function blocksOf(facts: DecisionLetterFacts, say: LetterPhrases): LetterBlock[] {
  return [
    { kind: 'title', text: say.decisionNumber(facts.decision) },
    { kind: 'heading', text: say.subject(facts.outcome) },
    { kind: 'field', label: say.labels.application, text: say.application(facts.applicationId, facts.submittedOn) },
    { kind: 'field', label: say.labels.applicant, text: say.person(facts.applicant) },
    { kind: 'field', label: say.labels.category, text: say.category(facts.applicant.category) },
    { kind: 'field', label: say.labels.quota, text: say.quota(facts.quota) },
    ...familyBlocks(facts.family, say),
    ...(facts.outcome === 'included' ? inclusionBlocks(facts, say) : refusalBlocks(facts, say)),
    { kind: 'heading', text: say.labels.complaints },
    { kind: 'paragraph', text: say.complaints },
  ];
}

function familyBlocks(family: readonly LetterFamilyMember[], say: LetterPhrases): LetterBlock[] {
  if (family.length === 0) return [{ kind: 'field', label: say.labels.family, text: say.noFamily }];
  return [
    { kind: 'field', label: say.labels.family, text: say.familyCount(family.length) },
    ...family.map((member, at): LetterBlock => ({ kind: 'item', text: `${at + 1}. ${say.member(member)}` })),
  ];
}

function inclusionBlocks(
  facts: Extract<DecisionLetterFacts, { outcome: 'included' }>,
  say: LetterPhrases,
): LetterBlock[] {
  const { subsidies } = facts;
  return [
    { kind: 'paragraph', text: say.included(facts.quota, facts.persons) },
    { kind: 'heading', text: say.labels.subsidies },
    { kind: 'field', label: say.labels.relocation, text: say.relocation(subsidies) },
    { kind: 'field', label: say.labels.rent, text: say.rent(subsidies) },
    { kind: 'field', label: say.labels.total, text: say.tenge(subsidies.total) },
    { kind: 'field', label: say.labels.mci, text: say.mci(subsidies.mci) },
  ];
}

function refusalBlocks(facts: Extract<DecisionLetterFacts, { outcome: 'refused' }>, say: LetterPhrases): LetterBlock[] {
  return [
    { kind: 'paragraph', text: say.refused(facts.quota) },
    { kind: 'heading', text: say.groundsHeading(facts.groundsListVersion) },
    ...facts.grounds.map((ground, at): LetterBlock => ({
      kind: 'item',
      text: `${at + 1}. ${groundText(ground, say)}`,
    })),
    ...(facts.seats ? [{ kind: 'field', label: say.labels.seats, text: say.seats(facts.seats) } as const] : []),
    ...(facts.explanation === null
      ? []
      : [{ kind: 'field', label: say.labels.explanation, text: facts.explanation } as const]),
  ];
}

function groundText(ground: BilingualGround, say: LetterPhrases): string {
  const label = ground[say.language];
  return label === null ? say.unknownGround(ground.code) : `${label} (${ground.code})`;
}

export type { LetterPerson };
