import { Inject, Injectable } from '@nestjs/common';
import { applicationDecider, ApplicationState, applicationStreamId } from '@domain/application';
import { quotaStreamId, regionalQuotaDecider } from '@domain/quota';
import { supportDecider, supportStreamId, type OpenSupportState } from '@domain/support';
import { ApplicantCategory, RegionCode } from '@domain/shared/region';
import { aggregateCacheOf, EventTypeRegistry, loadAggregate } from '@libs/event-sourcing';
import type { EventStore } from '@libs/event-sourcing';
import { EVENT_STORE, EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import { HttpProblem, problem } from '../http/problem';

/** Consistent reads of aggregates a command handler needs before deciding (not the read models). */
@Injectable()
export class AggregateLookup {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_TYPE_REGISTRY) private readonly registry: EventTypeRegistry,
  ) {}

  async application(applicationId: string): Promise<ApplicationState> {
    const { state } = await loadAggregate(
      this.store,
      this.registry,
      applicationStreamId(applicationId),
      applicationDecider,
      undefined,
      aggregateCacheOf(this.store),
    );
    if (state.status === 'none')
      throw new HttpProblem(
        problem(404, 'APPLICATION.NOT_FOUND', 'No such application', `No application ${applicationId}`),
      );
    return state;
  }

  /** A family's support (ADR 33), folded from its stream; 404 when the family's arrival opened none. */
  async support(applicationId: string): Promise<OpenSupportState & { readonly revision: number }> {
    const { state, revision } = await loadAggregate(
      this.store,
      this.registry,
      supportStreamId(applicationId),
      supportDecider,
      undefined,
      aggregateCacheOf(this.store),
    );
    if (state.status === 'none')
      throw new HttpProblem(
        problem(
          404,
          'SUPPORT.NOT_FOUND',
          'No support for this application',
          `No support is open for application ${applicationId}: its family's arrival is not recorded`,
        ),
      );
    return { ...state, revision };
  }

  /** Whether the year's order gives the region a quota for the category (capacity set and above zero). */
  async quotaOffered(region: RegionCode, year: number, category: ApplicantCategory): Promise<boolean> {
    const { state } = await loadAggregate(
      this.store,
      this.registry,
      quotaStreamId(region, year, category),
      regionalQuotaDecider,
      undefined,
      aggregateCacheOf(this.store),
    );
    return state.status === 'open' && state.capacity > 0;
  }
}
