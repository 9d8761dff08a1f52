import type { AuditEntry } from '../audit-trail';
import { almatyDate, almatyDateTime, almatyIso, formatTenge } from './almaty-format';
import type { DecisionPhrases } from './decision-facts';
import type { GroundsListOf } from './grounds-lists';
import type { NarratedType, Phrasebook, Say } from './phrasebook';
import { EN } from './phrasebook-en';
import { KK } from './phrasebook-kk';
import { RU } from './phrasebook-ru';
import type { TimelineLanguage } from './timeline-language';

export const PHRASEBOOKS: { readonly [L in TimelineLanguage]: Phrasebook & DecisionPhrases } = {
  kk: KK,
  ru: RU,
  en: EN,
};

/** What the narrator needs of a stored event: its type, upcast data, actor and instant. */
export type NarratableEntry = Pick<AuditEntry, 'type' | 'data' | 'actor' | 'occurredAt'>;

/** One event told: the sentence, and the instant on the Almaty clock (ISO 8601 with its offset). */
export interface ToldEvent {
  readonly text: string;
  readonly occurredAtLocal: string;
}

/**
 * Tells stored events as sentences in Kazakh, Russian or English: the Almaty time, the actor in
 * words, and what happened with its essentials. Pure: the same events and law give the same text.
 */
export class TimelineNarrator {
  constructor(private readonly groundsList: GroundsListOf) {}

  tell(entry: NarratableEntry, language: TimelineLanguage): ToldEvent {
    const book = PHRASEBOOKS[language];
    const template = book.events[entry.type as NarratedType] as ((data: unknown, say: Say) => string) | undefined;
    // A type outside the workflow's registry (none is stored today) is still told, by its name.
    const body = template ? template(entry.data, this.say(language)) : entry.type;
    return {
      text: book.sentence(almatyDateTime(entry.occurredAt), book.actor(entry.actor), body),
      occurredAtLocal: almatyIso(entry.occurredAt),
    };
  }

  tellAll(entries: readonly NarratableEntry[], language: TimelineLanguage): ToldEvent[] {
    return entries.map((entry) => this.tell(entry, language));
  }

  say(language: TimelineLanguage): Say {
    return {
      dateTime: almatyDateTime,
      date: almatyDate,
      tenge: formatTenge,
      grounds: (codes, listVersion) => {
        const list = this.groundsList(listVersion);
        return codes.map((code) => {
          const ground = list?.find((g) => g.code === code);
          return { code, label: ground ? ground[language] : null };
        });
      },
    };
  }
}
