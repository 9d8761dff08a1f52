import type { ApplicationEvent } from '@domain/application';
import type { LawEvent } from '@domain/law';
import type { NoticeEvent } from '@domain/notices';
import type { PersonEvent } from '@domain/person';
import type { QuotaEvent } from '@domain/quota';
import type { DomainEvent } from '@domain/shared/decider';
import type { SupportEvent } from '@domain/support';
import type { IdempotencyKeyClaim } from '@libs/event-sourcing';
import { REVIEW_PROCESS_ACTOR } from '@domain/review-process';

/** Every event type the workflow stores (WORKFLOW_EVENT_TYPES), each with its data as upcast to today's schema. */
export type NarratedEvent =
  | ApplicationEvent
  | QuotaEvent
  | PersonEvent
  | LawEvent
  | NoticeEvent
  | SupportEvent
  | DomainEvent<'IdempotencyKeyClaimed', IdempotencyKeyClaim>;

export type NarratedType = NarratedEvent['type'];
export type DataOf<T extends NarratedType> = Extract<NarratedEvent, { type: T }>['data'];

/** A refusal ground as the sentence names it: its label from the list version recorded, or null when unknown there. */
export interface LabelledGround {
  readonly code: string;
  readonly label: string | null;
}

/** What a sentence template may ask for besides the event's data: formatting and labelled grounds. */
export interface Say {
  /** An instant on the Almaty wall clock, `06.12.2026 18:30`. */
  dateTime(instant: string): string;
  /** A `yyyy-MM-dd` day as `06.12.2026`. */
  date(day: string): string;
  /** `1 234 567 ₸`. */
  tenge(amount: number): string;
  /** Each code with its label in this language, from the grounds list version a decision recorded. */
  grounds(codes: readonly string[], listVersion: string): readonly LabelledGround[];
}

/** Who recorded an event, as the metadata names them. */
export interface ActorRef {
  readonly id: string;
  readonly role: string;
}

/**
 * One language's sentences. A template per event type (upcasting brings every stored version to
 * today's schema first, so one template per type serves all versions); the mapped type makes it
 * exhaustive: a new event type does not compile until each language tells it. Templates use only the
 * event's data and never a person's name, IIN or contacts: "the applicant" is said instead.
 */
export interface Phrasebook {
  /** The actor in words: «рецензент reviewer-7», «система (процесс)», «портал eGov». */
  actor(actor: ActorRef): string;
  /** The whole sentence: when, who, and what happened (the body from a template). */
  sentence(when: string, actor: string, body: string): string;
  readonly events: { readonly [T in NarratedType]: (data: DataOf<T>, say: Say) => string };
}

/**
 * Who proposed a refusal, after `lead`, when it was not the process acting on a reviewer's verdict
 * or a full quota: the sentence's source says that already, and the process's name is no one's to read.
 */
export function proposerClause(proposedBy: string, lead: string): string {
  return proposedBy === REVIEW_PROCESS_ACTOR ? '' : `${lead}${proposedBy}`;
}
