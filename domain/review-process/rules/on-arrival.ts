import type { FamilyArrived } from '../../application/arrival-events';
import { supportSchedule } from '../../support/schedule';
import { sendToSupport, type Intent } from '../intents';
import { paymentTermsOf, type ProcessContext } from '../process-policy';

/**
 * The family arrived (ADR 33): its support opens, the schedule fixed now from the arrival on the
 * payment terms and the working-day calendar in force — the relocation payment on the registration
 * day, the rent instalments month by month — each moved off a day off. A calendar year not recorded
 * yet fails the step rather than guess a day off (an operator sees it parked).
 */
export function openSupportOnArrival(event: FamilyArrived, { policy }: ProcessContext): Intent[] {
  const { applicationId, quota, arrivedOn, registration, recipient, support } = event.data;
  const terms = paymentTermsOf(policy);
  const schedule = supportSchedule({ arrivedOn, registeredOn: registration.registeredOn }, terms, policy.calendar);
  const years = [...new Set(schedule.map((instalment) => Number(instalment.dueOn.slice(0, 4))))];
  const calendarVersion = years.map((year) => policy.calendar.versionOf(year)).join('+');
  return [
    sendToSupport('open-support', {
      type: 'OpenSupport',
      applicationId,
      quota,
      persons: support.persons,
      monthlyRateMci: support.monthlyRateMci,
      recipient,
      arrivedOn,
      registeredOn: registration.registeredOn,
      schedule,
      terms,
      calendarVersion,
    }),
  ];
}
