import { applicationStreamId } from '@domain/application';
import { quotaStreamIdOf } from '@domain/quota';
import type { StoredEvent } from '@libs/event-sourcing';
import { ApplicationRefusedEvent, ApplicationReviewedEvent, ApplicationWithdrawnEvent } from '../events/event-classes';

/**
 * The stream a saga step writes to, which is the partition it runs in (ADR 13): steps that write
 * to the same aggregate run one after the other in the order of their causes, as with one step at a
 * time, so each aggregate sees the same commands in the same order; steps of different applications
 * run at once and share the store's group commits.
 *
 * - An eligible review reserves seats, and a refusal or a withdrawal gives them back: they run on
 *   the quota's partition, so seats still go first fit in the order reviews were recorded.
 * - Every other step (deadline, refusal, inclusion, subsidies, escalation) writes to the
 *   application's own stream. The one exception, seats given back when an inclusion finds the
 *   application closed, is a compensation; its conflicts with the quota's partition are settled by
 *   the stream's expected revision and a retry.
 */
export function sagaPartitionOf(event: StoredEvent): string {
  if (event instanceof ApplicationReviewedEvent) {
    return event.data.verdict === 'eligible' ? quotaStreamIdOf(event.data.quota) : applicationStreamId(event.data.applicationId);
  }
  if (event instanceof ApplicationRefusedEvent || event instanceof ApplicationWithdrawnEvent) return quotaStreamIdOf(event.data.quota);
  const { applicationId } = event.data as { applicationId?: unknown };
  return typeof applicationId === 'string' ? applicationStreamId(applicationId) : event.envelope.streamId;
}
