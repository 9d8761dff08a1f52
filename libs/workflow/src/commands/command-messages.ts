import type { ApplicationCommand } from '@domain/application';
import type { PersonsOfApplicationCommand } from '@domain/person';
import type { QuotaCommand } from '@domain/quota';
import type { Untimed } from '@domain/review-process';
import type { DecidedSupportCommand } from '@domain/support';
import { DomainCommand } from '@libs/event-sourcing-nest';

export type { Untimed } from '@domain/review-process';

/** Any command of the Application aggregate, on its way through the CommandBus. */
export class ApplicationCommandMessage extends DomainCommand<Untimed<ApplicationCommand>> {}

/** Any command of a RegionalQuota aggregate. */
export class QuotaCommandMessage extends DomainCommand<Untimed<QuotaCommand>> {}

/** A review-process step on every person of one application (release them, record their inclusion). */
export class PersonsCommandMessage extends DomainCommand<Untimed<PersonsOfApplicationCommand>> {}

/** A command of a family's support stream (ADR 33): opened on arrival, then its orders and the bank's answers. */
export class SupportCommandMessage extends DomainCommand<Untimed<DecidedSupportCommand>> {}
