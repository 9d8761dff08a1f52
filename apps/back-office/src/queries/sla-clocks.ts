import { Inject, Injectable } from '@nestjs/common';
import { slaClockAt, type SlaClock } from '@domain/application';
import { CLOCK } from '@libs/event-sourcing';
import type { Clock } from '@libs/event-sourcing';
import { LAW_IN_FORCE } from '@libs/workflow';
import type { LawInForce } from '@libs/workflow';
import type { ApplicationDetailsView, ApplicationView, ClockFacts, Page } from '@infra/read-models';

/** An answer with its review clock as of the moment it was read. */
export type Clocked<T> = T & { readonly clock: SlaClock };

/**
 * The review clock of each application answered (`slaClockAt`): its state and the working days left,
 * as of the injected clock, on the working-day calendar and in the zone of the law in force. Added at
 * read time because it changes with "now", which no event and so no read-model row records.
 */
@Injectable()
export class SlaClocks {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LAW_IN_FORCE) private readonly law: LawInForce,
  ) {}

  page(page: Page<ApplicationView>): Page<Clocked<ApplicationView>> {
    const clockOf = this.clockOf();
    return { ...page, items: page.items.map((view) => ({ ...view, clock: clockOf(view) })) };
  }

  details(details: ApplicationDetailsView): Clocked<ApplicationDetailsView> {
    const { sla, decision, withdrawnAt } = details;
    return {
      ...details,
      clock: this.clockOf()({
        ...sla,
        decision: decision?.outcome ?? null,
        late: decision?.late ?? false,
        withdrawnAt,
      }),
    };
  }

  /** A page of another clock (a hearing's review, a complaint's term): its facts, read with `factsOf`. */
  pageOf<T>(page: Page<T>, factsOf: (item: T) => ClockFacts): Page<Omit<T, 'review' | 'term'> & { clock: SlaClock }> {
    const clockOf = this.clockOf();
    return {
      ...page,
      items: page.items.map((item) => {
        const { review: _review, term: _term, ...rest } = item as T & { review?: unknown; term?: unknown };
        const facts = { ...factsOf(item), decision: null, late: false, withdrawnAt: null };
        return { ...rest, clock: clockOf(facts) };
      }),
    };
  }

  /** One "now" and one law for a whole answer, so every row of a page is judged at the same moment. */
  private clockOf() {
    const now = this.clock.now().toISOString();
    const { calendar, slaPolicy } = this.law.current();
    return (
      view: Pick<
        ApplicationView,
        'dueOn' | 'dueAt' | 'atRiskAt' | 'atRisk' | 'breached' | 'decision' | 'late' | 'withdrawnAt'
      >,
    ) => slaClockAt(now, { ...view, withdrawn: view.withdrawnAt !== null }, calendar, slaPolicy.zone);
  }
}
