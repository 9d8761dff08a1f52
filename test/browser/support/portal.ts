import type { E2eApp } from '../../e2e/support/e2e-app';

/**
 * What the applicant sends through the portal in a browser test (an objection, a complaint), as
 * the harness submits applications: the portal's own API, not the console. Accepted is 200 or 201
 * (the contract of issue 20 part 2 fixes the body, not which of the two a new record answers).
 */
export async function portalSends(e: E2eApp, path: string, body: object): Promise<void> {
  const answer = await e.as('portal', 'egov').post(path, body);
  if (answer.status !== 200 && answer.status !== 201)
    throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  await e.settle();
}
