import { IEvent, Saga } from '@nestjs/cqrs';
import { mergeMap, Observable } from 'rxjs';
import type { Clock } from '@libs/event-sourcing';
import { ofType, sagaStepContext } from '@libs/event-sourcing-nest';
import { ApplicationCommandMessage } from '../commands/command-messages';
import { ApplicationIncludedEvent } from '../events/event-classes';
import type { WorkflowConfig } from '../workflow-config';

/**
 * Inclusion unlocks state support: the relocation subsidy and the rent subsidy, each computed by
 * the domain policy with the MCI in force on the decision date, each granted once.
 */
export class SubsidySaga {
  constructor(
    private readonly config: WorkflowConfig,
    private readonly clock: Clock,
  ) {}

  @Saga()
  grantOnInclusion = (events$: Observable<IEvent>) =>
    events$.pipe(
      ofType(ApplicationIncludedEvent),
      mergeMap((event) =>
        (['relocation', 'rent'] as const).map(
          (kind) =>
            new ApplicationCommandMessage(
              { type: 'GrantSubsidy', applicationId: event.data.applicationId, kind, policy: this.config.subsidyPolicy },
              sagaStepContext(event, `grant-${kind}-subsidy`, this.clock),
            ),
        ),
      ),
    );
}
