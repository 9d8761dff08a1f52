import type { paths } from './openapi';

/** Named shapes of the answers several screens show, taken from the generated types (never written by hand). */
type Ok<P extends keyof paths, M extends 'get'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

/** One application as the lists and queues give it. */
export type ListedApplication = Ok<'/queues/mine', 'get'>['data']['items'][number];
/** One application whole, as `GET /applications/{id}` gives it. */
export type ApplicationDetails = Ok<'/applications/{id}', 'get'>['data'];
/** The review clock the service computed at read time (working days left on the calendar in force). */
export type SlaClock = ListedApplication['clock'];
/** A page of applications. */
export type ApplicationsPage = Ok<'/queues/mine', 'get'>;
/** The refusal grounds in force, with their labels in each language. */
export type RefusalGrounds = Ok<'/reference/refusal-grounds', 'get'>;
/** Open on time, at risk, breached; decided on time and late: the SLA board's counts, of a region or a week. */
export type SlaCounts = Ok<'/dashboard/sla', 'get'>['data']['overall'];
/** One region's row of the SLA board. */
export type SlaRegion = Ok<'/dashboard/sla', 'get'>['data']['items'][number];
/** A page of the SLA board (its regions, and the counts of all of them). */
export type SlaBoardPage = Ok<'/dashboard/sla', 'get'>['data'];
