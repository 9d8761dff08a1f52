import type { ApplicationCommand } from '@domain/application';
import type { QuotaCommand } from '@domain/quota';
import { DomainCommand } from '@libs/event-sourcing-nest';

/** A command minus `at`: the handler stamps the time from the context's clock. */
export type Untimed<C> = C extends unknown ? Omit<C, 'at'> : never;

/** Any command of the Application aggregate, on its way through the CommandBus. */
export class ApplicationCommandMessage extends DomainCommand<Untimed<ApplicationCommand>> {}

/** Any command of a RegionalQuota aggregate. */
export class QuotaCommandMessage extends DomainCommand<Untimed<QuotaCommand>> {}
