import { CommandContext, ExpectedRevision } from '@libs/event-sourcing';

/**
 * What travels on the Nest CommandBus: the domain command, the context it runs in (who, why, when)
 * and, when the client pinned one, the revision it expects. Subclass it once per command so the
 * CommandBus can route by class.
 */
export abstract class DomainCommand<Payload> {
  constructor(
    readonly payload: Payload,
    readonly context: CommandContext,
    readonly expectedRevision?: ExpectedRevision,
  ) {}
}
