import { applicationStreamId } from '../application/decider';
import { quotaStreamId } from '../quota/quota-key';
import { supportStreamId } from '../support/decider';
import type { Intent, ProcessCommand } from './intents';

/** The stream a process command is appended to. */
export function targetStreamOf(sent: ProcessCommand): string {
  if (sent.to === 'application') return applicationStreamId(sent.command.applicationId);
  // The persons are read from the application's stream; each is then written to its own stream.
  if (sent.to === 'persons') return applicationStreamId(sent.command.applicationId);
  if (sent.to === 'support') return supportStreamId(sent.command.applicationId);
  const { region, year, category } = sent.command;
  return quotaStreamId(region, year, category);
}

/**
 * The partition a step runs in (ADR 13): the stream its first command writes to, so every aggregate
 * sees the process's commands in the order of their causes — seats go first fit in the order the
 * reviews were recorded. A step that sends nothing runs in the partition of its own stream. The one
 * step writing to a second stream, seats given back when an inclusion is moot, is a compensation;
 * its conflicts with the quota's partition are settled by the expected revision and a retry.
 */
export function partitionOf(intents: readonly Intent[], ownStream: string): string {
  const first = intents.find((intent) => intent.kind === 'send');
  return first ? targetStreamOf(first) : ownStream;
}
