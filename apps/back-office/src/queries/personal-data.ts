import { SUBMISSION_PERSONAL_FIELDS } from '@domain/application';
import { maskAs } from '@domain/shared/personal-data';
import { maskDeclared } from '@domain/shared/personal-data-mask';
import { seesPersonalDataInClear } from '@libs/auth';
import type { ApplicationDetailsView, ApplicationView, Page } from '@infra/read-models';
import type { AuthenticatedActor } from '../auth/roles';

/**
 * Personal data is shown in clear only to the reviewers and supervisors who decide on the person
 * (the one rule, ADR 26); the others see it masked as every masked view masks it.
 */
export function listedFor(actor: AuthenticatedActor, page: Page<ApplicationView>): Page<ApplicationView> {
  if (seesPersonalDataInClear(actor)) return page;
  return { ...page, items: page.items.map(maskedView) };
}

function maskedView<T extends Pick<ApplicationView, 'applicantIin' | 'applicantName'>>(view: T): T {
  return { ...view, applicantIin: maskAs('iin', view.applicantIin), applicantName: maskAs('name', view.applicantName) };
}

/** The details keep the submission whole: masked by the submission's declaration. */
export function detailsFor(actor: AuthenticatedActor, details: ApplicationDetailsView): ApplicationDetailsView {
  if (seesPersonalDataInClear(actor)) return details;
  return { ...maskDeclared(SUBMISSION_PERSONAL_FIELDS, details), applicantName: maskAs('name', details.applicantName) };
}
