import { api, data } from '../../api/client';
import type { paths } from '../../api/openapi';
import { ApiProblem } from '../../api/problem';

type Ok<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

export type RegionCode = NonNullable<paths['/payments/register']['get']['parameters']['query']['region']>;
/** A month's register: the totals per region, their grand total, and every order falling due. */
export type Register = Ok<'/payments/register', 'get'>['data'];
export type RegisterTotals = Register['totals'][number];
export type RegisterOrder = Register['orders'][number];
export type GrandTotal = Register['grandTotal'];
/** What importing the bank's answers did: recorded, recorded before, refused (with the line). */
export type AnswersResult = Ok<'/payments/bank-answers', 'post'>;
/** A family's support as its stream folds: the schedule, every order and the bank's answer, a stop. */
export type Support = Ok<'/applications/{id}/support', 'get'>;
export type SupportOrder = Support['orders'][number];
export type ScheduledInstalment = Support['schedule'][number];
export type OrderState = SupportOrder['answer']['state'];

export interface MonthAndRegion {
  readonly month: string;
  readonly region: RegionCode | null;
}

const query = ({ month, region }: MonthAndRegion) => ({ month, ...(region ? { region } : {}) });

/**
 * The last position a support command of this tab returned: the next read of the register (a read
 * model) waits for it, so an answer recorded by hand shows there without a reload.
 */
let lastPosition: string | undefined;
export const registerAfter = (position: string | null) => {
  if (position) lastPosition = position;
};

export const registerKey = (filter: MonthAndRegion) => ['payments', 'register', filter.month, filter.region] as const;

export async function registerOf(filter: MonthAndRegion): Promise<Register> {
  const atLeast = lastPosition;
  const answer = await data(
    api.GET('/payments/register', { params: { query: { ...query(filter), ...(atLeast ? { atLeast } : {}) } } }),
  );
  return answer.data;
}

/** The payment file for the bank, with the control figures its answer's headers repeat. */
export interface BankFile {
  readonly blob: Blob;
  readonly name: string;
  readonly orders: number;
  readonly controlTotal: number;
  readonly sha256: string;
}

export async function bankFileOf(filter: MonthAndRegion): Promise<BankFile> {
  const {
    data: text,
    error,
    response,
  } = await api.GET('/payments/bank-file', {
    params: { query: query(filter) },
    parseAs: 'text',
  });
  if (error !== undefined || !response.ok || text === undefined) throw ApiProblem.from(response, error);
  const header = (name: string) => response.headers.get(name) ?? '';
  return {
    // The bytes as the server sent them: the SHA-256 in the header is of these.
    blob: new Blob([text], { type: 'text/csv;charset=utf-8' }),
    name: `kandas-payments-${filter.month}${filter.region ? `-${filter.region}` : ''}.csv`,
    orders: Number(header('X-Order-Count')),
    controlTotal: Number(header('X-Control-Total')),
    sha256: header('X-Content-SHA256'),
  };
}

export const importAnswers = (file: string) => data(api.POST('/payments/bank-answers', { body: { file } }));

export const supportKey = (id: string) => ['payments', 'support', id] as const;

/** A family's support; null when none is open (404 SUPPORT.NOT_FOUND: its arrival is not recorded). */
export async function supportOf(id: string): Promise<Support | null> {
  const { data: support, error, response } = await api.GET('/applications/{id}/support', { params: { path: { id } } });
  if (support) return support;
  const problem = ApiProblem.from(response, error);
  if (problem.code === 'SUPPORT.NOT_FOUND') return null;
  throw problem;
}
