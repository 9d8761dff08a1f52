import type { NoticeIssued } from '@domain/notices';
import type { ServiceSigningKey } from '@libs/auth';
import { signatureHeaders } from './portal-signature';

/** What one attempt to hand a notice to the portal gave. */
export type PortalAnswer =
  { readonly delivered: true; readonly status: number } | { readonly delivered: false; readonly reason: string };

/** The JSON the portal receives for a notice: both texts, the data they came from, the document's address. */
export function portalPayloadOf(notice: NoticeIssued['data']) {
  const { noticeId, applicationId, kind, template, texts, data, issuedAt, cause } = notice;
  return { noticeId, applicationId, kind, issuedAt, template, texts, data, causedBy: cause.type };
}

/**
 * Posts notices to the portal's endpoint (`KANDAS_PORTAL_NOTICES_URL`): JSON, signed with the
 * service's key, the notice id as `Idempotency-Key`, within a timeout. A 2xx is delivered; any other
 * answer, a timeout or a dropped connection is a failed attempt with its reason.
 */
export class PortalClient {
  private readonly path: string;

  constructor(
    private readonly url: URL,
    private readonly key: ServiceSigningKey,
    private readonly timeoutMs: number,
  ) {
    this.path = `${url.pathname}${url.search}`;
  }

  async post(notice: NoticeIssued['data'], now: Date): Promise<PortalAnswer> {
    const body = JSON.stringify(portalPayloadOf(notice));
    const headers = signatureHeaders(
      this.key,
      { method: 'POST', path: this.path, body, idempotencyKey: notice.noticeId },
      now,
    );
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
      // The body is not needed, but must be read or discarded for the connection to be reused.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { delivered: true, status: response.status };
      return { delivered: false, reason: `HTTP ${response.status}` };
    } catch (error) {
      return { delivered: false, reason: reasonOf(error, this.timeoutMs) };
    }
  }
}

function reasonOf(error: unknown, timeoutMs: number): string {
  const named = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (named.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = named.cause?.code ?? named.cause?.message;
  return cause ? `${named.message ?? 'fetch failed'}: ${cause}` : (named.message ?? String(error));
}
