import { ReceivingPortal, type ReceivedRequest } from '@libs/workflow';
import { LoopbackReceiver } from '../../notices/support/loopback-receiver';

/**
 * The personal cabinet behind several instances: a real HTTP receiver in front of `ReceivingPortal`
 * (signature checked with the service's public key, each notice id applied once), which counts every
 * POST by the notice id it carries (its `Idempotency-Key`) — so a notice sent by two instances shows
 * as two posts even though the portal applies it once. It always answers: what it tests is who
 * sends, not how a failure is retried.
 */
export class CountingPortal {
  readonly portal: ReceivingPortal;
  private readonly posts = new Map<string, number>();
  /** Signed wrongly or not a notice: must stay 0. */
  refused = 0;
  private http: LoopbackReceiver | undefined;

  private constructor(publicKeyPem: string, now: () => Date) {
    this.portal = new ReceivingPortal(publicKeyPem, now);
  }

  static async start(publicKeyPem: string, now: () => Date): Promise<CountingPortal> {
    const receiver = new CountingPortal(publicKeyPem, now);
    receiver.http = await LoopbackReceiver.listen((received, response) => {
      const reception = receiver.receive(received);
      response.writeHead(reception.status, { 'content-type': 'application/json' }).end(JSON.stringify(reception));
    });
    return receiver;
  }

  get url(): string {
    return this.http!.url;
  }

  /** How many times the notice was posted. */
  postsOf(noticeId: string): number {
    return this.posts.get(noticeId) ?? 0;
  }

  get totalPosts(): number {
    return [...this.posts.values()].reduce((sum, posts) => sum + posts, 0);
  }

  /** The notice ids posted more than once, with their counts. */
  postedTwice(): Record<string, number> {
    return Object.fromEntries([...this.posts].filter(([, posts]) => posts > 1));
  }

  async close(): Promise<void> {
    await this.http?.close();
  }

  private receive(received: ReceivedRequest) {
    const noticeId = received.headers['idempotency-key'] ?? '(none)';
    this.posts.set(noticeId, this.postsOf(noticeId) + 1);
    const reception = this.portal.receive(received);
    if (reception.status !== 200) this.refused += 1;
    return reception;
  }
}
