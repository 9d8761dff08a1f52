import { pause } from '../crash/crash-client';

/**
 * Polls `unmet` (what is still missing; empty when the condition holds) until it holds, failing after
 * `timeoutMs` with `what` and the last things missing. A condition, never a fixed sleep: on a busy
 * machine it takes longer, and passes all the same.
 */
export async function eventually(
  what: string,
  unmet: () => Promise<readonly string[]>,
  timeoutMs: number,
  everyMs = 100,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const missing = await unmet();
    if (missing.length === 0) return;
    if (performance.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}; still unmet:\n  ${missing.slice(0, 20).join('\n  ')}`,
      );
    await pause(everyMs);
  }
}
