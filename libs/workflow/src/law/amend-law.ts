import {
  calendarYearDecider,
  lawStreams,
  mciDecider,
  refusalGroundsDecider,
  rentRatesDecider,
  slaPolicyDecider,
  type LawCommand,
  type LawEvent,
} from '@domain/law';
import { handleCommand } from '@libs/event-sourcing';
import type {
  CommandContext,
  CommandOutcome,
  EventStore,
  EventTypeRegistry,
  ExpectedRevision,
} from '@libs/event-sourcing';

/** The stream a law command amends: one per table, one per calendar year. */
export function lawStreamOf(command: Pick<LawCommand, 'type'> & { year?: number }): string {
  switch (command.type) {
    case 'SetMci':
      return lawStreams.mci();
    case 'SetRentRates':
      return lawStreams.rentRates();
    case 'SetRefusalGrounds':
      return lawStreams.refusalGrounds();
    case 'SetSlaPolicy':
      return lawStreams.slaPolicy();
    default:
      return lawStreams.calendarYear(command.year as number);
  }
}

/**
 * Load → decide → append of one amendment, as every command is (handleCommand): the table's
 * stream read, the decider asked, the event appended at the revision read — or at the revision the
 * caller saw (If-Match), so two administrators amending one table at once cannot both win.
 */
export function amendLaw(
  store: EventStore,
  registry: EventTypeRegistry,
  command: LawCommand,
  context: CommandContext,
  expectedRevision?: ExpectedRevision,
): Promise<CommandOutcome<LawEvent>> {
  const target = {
    streamId: lawStreamOf(command),
    context,
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
  };
  switch (command.type) {
    case 'SetMci':
      return handleCommand(store, registry, { ...target, decider: mciDecider, command });
    case 'SetRentRates':
      return handleCommand(store, registry, { ...target, decider: rentRatesDecider, command });
    case 'SetRefusalGrounds':
      return handleCommand(store, registry, { ...target, decider: refusalGroundsDecider, command });
    case 'SetSlaPolicy':
      return handleCommand(store, registry, { ...target, decider: slaPolicyDecider, command });
    default:
      return handleCommand(store, registry, { ...target, decider: calendarYearDecider, command });
  }
}
