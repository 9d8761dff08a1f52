import { maskIin } from '@domain/shared/iin';
import type { ApplicationDetailsView, ApplicationView, Page } from '@infra/read-models';
import type { AuthenticatedActor } from '../auth/roles';

/** IINs are shown whole only to the reviewers and supervisors who decide on the person; the others see them masked. */
function seesIins(actor: AuthenticatedActor): boolean {
  return actor.role === 'reviewer' || actor.role === 'supervisor';
}

export function listedFor(actor: AuthenticatedActor, page: Page<ApplicationView>): Page<ApplicationView> {
  if (seesIins(actor)) return page;
  return { ...page, items: page.items.map((item) => ({ ...item, applicantIin: maskIin(item.applicantIin) })) };
}

/** Every IIN of the application: the applicant's, each family member's (and the signer's is the applicant's). */
export function detailsFor(actor: AuthenticatedActor, details: ApplicationDetailsView): ApplicationDetailsView {
  if (seesIins(actor)) return details;
  return {
    ...details,
    applicant: { ...details.applicant, iin: maskIin(details.applicant.iin) },
    familyMembers: details.familyMembers.map((member) =>
      member.iin === undefined ? member : { ...member, iin: maskIin(member.iin) },
    ),
  };
}
