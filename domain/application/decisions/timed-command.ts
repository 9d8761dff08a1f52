import type { Instant } from '../../shared/calendar-date';

/** Every Application command names its application and carries the instant it is decided at (`at`), from the handler's clock. */
export interface TimedCommand {
  readonly applicationId: string;
  readonly at: Instant;
}
