import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  ApplicationCommand,
  applicationDecider,
  ApplicationEvent,
  ApplicationState,
  applicationStreamId,
  refusalRecordedIn,
} from '@domain/application';
import type { PersonsOfApplicationCommand } from '@domain/person';
import { QuotaCommand, QuotaEvent, QuotaState, quotaStreamId, regionalQuotaDecider } from '@domain/quota';
import {
  supportDecider,
  supportStreamId,
  type DecidedSupportCommand,
  type SupportEvent,
  type SupportState,
} from '@domain/support';
import { EventTypeRegistry } from '@libs/event-sourcing';
import type { CommandOutcome, EventStore } from '@libs/event-sourcing';
import { DeciderCommandHandler, DomainCommand, EVENT_STORE, EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import { PERSON_CLAIM_POLICY, PersonClaims, type PersonClaimPolicy } from '../persons/person-claims';
import { PersonStreams } from '../persons/person-streams';
import { actOnPersonsOf } from '../persons/persons-of-application';
import { RevocationWithClaims } from '../persons/revocation-with-claims';
import { SubmissionWithClaims } from '../persons/submission-with-claims';
import {
  ApplicationCommandMessage,
  PersonsCommandMessage,
  QuotaCommandMessage,
  SupportCommandMessage,
  Untimed,
} from './command-messages';

/** Stamps the command with the instant of its context: the decider never reads a clock. */
function timed<C>(message: DomainCommand<Untimed<C>>): C {
  return { ...message.payload, at: message.context.now.toISOString() } as C;
}

@CommandHandler(ApplicationCommandMessage)
export class ApplicationCommandHandler extends DeciderCommandHandler<
  Untimed<ApplicationCommand>,
  ApplicationCommand,
  ApplicationEvent,
  ApplicationState
> {
  protected readonly decider = applicationDecider;
  private readonly persons: SubmissionWithClaims;
  private readonly revocations: RevocationWithClaims;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(EVENT_TYPE_REGISTRY) registry: EventTypeRegistry,
    @Inject(PERSON_CLAIM_POLICY) claimPolicy: PersonClaimPolicy,
  ) {
    super(store, registry);
    const streams = new PersonStreams(store, registry);
    const claims = new PersonClaims(streams, claimPolicy);
    this.persons = new SubmissionWithClaims(streams, claims);
    this.revocations = new RevocationWithClaims(streams, claims);
  }

  /**
   * Every path that submits (HTTP, the seed, the saga harness) claims the persons first, so none
   * can put a person on two open applications; a review learns which persons were included
   * elsewhere meanwhile (ADR 16); a refusal revoked on a complaint claims them again (ADR 32).
   * Whatever the caller put there is replaced by what the store says.
   */
  override async execute(message: ApplicationCommandMessage): Promise<CommandOutcome<ApplicationEvent>> {
    const command = this.toDomainCommand(message);
    if (command.type === 'SubmitApplication')
      return this.persons.submit(command, message.context, () => this.answered(message));
    if (command.type === 'SatisfyComplaint' || command.type === 'RecordAuthorityDecision')
      return this.revocations.revoke(command, message.context, () => this.answered(message));
    if (command.type === 'RecordReview') {
      const personsIncludedElsewhere = await this.persons.includedElsewhere(command.applicationId);
      const payload = { ...message.payload, personsIncludedElsewhere } as Untimed<ApplicationCommand>;
      return this.answered(new ApplicationCommandMessage(payload, message.context, message.expectedRevision));
    }
    return this.answered(message);
  }

  protected streamId(payload: Untimed<ApplicationCommand>): string {
    return applicationStreamId(payload.applicationId);
  }

  protected toDomainCommand(message: ApplicationCommandMessage): ApplicationCommand {
    return timed<ApplicationCommand>(message);
  }

  /**
   * Some refusals are facts to record (a wrong one-time code counts against its attempts on every
   * instance): the decision returns the event, it is appended, and the command is then answered as
   * the refusal it is — on its first run and, from the stored event, on every retry (ADR 17).
   */
  private async answered(message: ApplicationCommandMessage): Promise<CommandOutcome<ApplicationEvent>> {
    const outcome = await super.execute(message);
    const refusal = refusalRecordedIn(outcome.events);
    if (refusal) throw refusal;
    return outcome;
  }
}

@CommandHandler(QuotaCommandMessage)
export class QuotaCommandHandler extends DeciderCommandHandler<
  Untimed<QuotaCommand>,
  QuotaCommand,
  QuotaEvent,
  QuotaState
> {
  protected readonly decider = regionalQuotaDecider;
  private readonly applications: PersonStreams;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(EVENT_TYPE_REGISTRY) registry: EventTypeRegistry) {
    super(store, registry);
    this.applications = new PersonStreams(store, registry);
  }

  /**
   * A release that follows a decision a complaint can revoke is told the application's status now
   * (the quota decides whether it still stands): a step delivered again after a restart, or late,
   * must not give back a reservation the application made since for its new decision (ADR 32).
   */
  override async execute(message: QuotaCommandMessage): Promise<CommandOutcome<QuotaEvent>> {
    const command = message.payload;
    if (command.type !== 'ReleaseSeats' || command.follows === undefined) return super.execute(message);
    const { status } = await this.applications.application(command.applicationId);
    const payload = { ...command, applicationStatus: status };
    return super.execute(new QuotaCommandMessage(payload, message.context, message.expectedRevision));
  }

  protected streamId(payload: Untimed<QuotaCommand>): string {
    return quotaStreamId(payload.region, payload.year, payload.category);
  }

  protected toDomainCommand(message: QuotaCommandMessage): QuotaCommand {
    return timed<QuotaCommand>(message);
  }
}

/** A family's support (ADR 33): one stream per included application. */
@CommandHandler(SupportCommandMessage)
export class SupportCommandHandler extends DeciderCommandHandler<
  Untimed<DecidedSupportCommand>,
  DecidedSupportCommand,
  SupportEvent,
  SupportState
> {
  protected readonly decider = supportDecider;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(EVENT_TYPE_REGISTRY) registry: EventTypeRegistry) {
    super(store, registry);
  }

  protected streamId(payload: Untimed<DecidedSupportCommand>): string {
    return supportStreamId(payload.applicationId);
  }

  protected toDomainCommand(message: SupportCommandMessage): DecidedSupportCommand {
    return timed<DecidedSupportCommand>(message);
  }
}

/** The review process's steps on the persons of an application: each person on its own stream. */
@CommandHandler(PersonsCommandMessage)
export class PersonsCommandHandler implements ICommandHandler<PersonsCommandMessage, void> {
  private readonly streams: PersonStreams;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(EVENT_TYPE_REGISTRY) registry: EventTypeRegistry) {
    this.streams = new PersonStreams(store, registry);
  }

  execute(message: PersonsCommandMessage): Promise<void> {
    return actOnPersonsOf(this.streams, timed<PersonsOfApplicationCommand>(message), message.context);
  }
}
