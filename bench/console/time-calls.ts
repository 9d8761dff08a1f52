import { percentile } from '../support/stats';

export interface CallTiming {
  readonly status: number;
  /** Size of the answer's body as sent (bytes). */
  readonly bytes: number;
  readonly json: boolean;
  /** The first call of the run, apart: the pages it reads may not be in memory yet. */
  readonly firstMs: number;
  readonly p50: number;
  readonly p95: number;
  readonly samples: number;
}

/**
 * Times one GET as the server answers it: request sent → last byte of the body read, over one
 * kept-alive loopback connection (≈ 0.1 ms of it is the loopback), one call at a time, after a
 * first call that is reported apart.
 */
export async function timeCall(
  base: string,
  token: string | undefined,
  url: string,
  repetitions: number,
): Promise<CallTiming> {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const once = async () => {
    const started = performance.now();
    const response = await fetch(`${base}${url}`, { headers });
    const body = Buffer.from(await response.arrayBuffer());
    return {
      ms: performance.now() - started,
      status: response.status,
      bytes: body.length,
      json: /json/.test(response.headers.get('content-type') ?? ''),
    };
  };
  const first = await once();
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) samples.push((await once()).ms);
  return {
    status: first.status,
    bytes: first.bytes,
    json: first.json,
    firstMs: first.ms,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    samples: samples.length,
  };
}
