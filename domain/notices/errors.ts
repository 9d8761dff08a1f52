import { DomainError } from '../shared/errors';

export const NoticeErrorCode = {
  NotFound: 'NOTICE.NOT_FOUND',
  NotParked: 'NOTICE.NOT_PARKED',
} as const;

export class NoticeError extends DomainError {}
