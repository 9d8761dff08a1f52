import type { FamilyArrived } from '../../application/arrival-events';
import { issueNotice, type NoticeIntent } from '../intents';

/** The arrival recorded (ADR 33), whoever recorded it: the applicant sees what the office holds. */
export function noticeOfArrival(event: FamilyArrived): NoticeIntent[] {
  const { arrivedOn, settlement, registration, recordedBy } = event.data;
  return [
    issueNotice({
      kind: 'arrival-recorded',
      data: { arrivedOn, settlement, registeredOn: registration.registeredOn, recordedBy },
    }),
  ];
}
