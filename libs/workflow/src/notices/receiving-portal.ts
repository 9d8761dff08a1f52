import { checkSignature } from './portal-signature';

/** A request as the portal's endpoint received it; headers by lower-case name. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export type Reception =
  | { readonly status: 401; readonly reason: string }
  | { readonly status: 400; readonly reason: string }
  | { readonly status: 200; readonly duplicate: boolean; readonly notice: ReceivedNotice };

export interface ReceivedNotice {
  readonly noticeId: string;
  readonly applicationId: string;
  readonly kind: string;
  readonly texts: { readonly kk: string; readonly ru: string };
}

/**
 * What a portal that honours the notice id does with a delivery (the local receiver and the tests
 * use it): it checks the signature with the service's public key, applies each notice id once, and
 * answers a repeated id as the first time without applying it again. The effects are kept in
 * arrival order, by application, so a test can read them back.
 */
export class ReceivingPortal {
  private readonly applied = new Map<string, ReceivedNotice>();
  readonly effects: ReceivedNotice[] = [];
  duplicates = 0;

  constructor(
    private readonly publicKeyPem: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  receive(request: ReceivedRequest): Reception {
    const check = checkSignature(this.publicKeyPem, request, request.headers, this.now());
    if (!check.valid) return { status: 401, reason: check.reason };
    const notice = parsed(request.body);
    if (!notice || notice.noticeId !== request.headers['idempotency-key'])
      return { status: 400, reason: 'not a notice, or its id is not the Idempotency-Key' };
    const first = this.applied.get(notice.noticeId);
    if (first) {
      this.duplicates += 1;
      return { status: 200, duplicate: true, notice: first };
    }
    this.applied.set(notice.noticeId, notice);
    this.effects.push(notice);
    return { status: 200, duplicate: false, notice };
  }

  effectsOf(applicationId: string): ReceivedNotice[] {
    return this.effects.filter((notice) => notice.applicationId === applicationId);
  }
}

function parsed(body: string): ReceivedNotice | undefined {
  try {
    const value = JSON.parse(body) as Partial<ReceivedNotice>;
    if (typeof value.noticeId !== 'string' || typeof value.applicationId !== 'string') return undefined;
    if (typeof value.texts?.kk !== 'string' || typeof value.texts.ru !== 'string') return undefined;
    return {
      noticeId: value.noticeId,
      applicationId: value.applicationId,
      kind: String(value.kind),
      texts: value.texts,
    };
  } catch {
    return undefined;
  }
}
