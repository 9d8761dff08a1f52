/**
 * Every randomised reliability test draws from one seed, printed when it fails, so that a failure
 * seen once in CI can be replayed exactly: `KANDAS_TEST_SEED=<seed> npx jest test/reliability/...`.
 */
export function testSeed(): number {
  const given = process.env.KANDAS_TEST_SEED;
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed)) throw new Error(`KANDAS_TEST_SEED must be an integer, got "${given}"`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/** Runs `body` with the seed; on failure the error names the seed and how to replay it. */
export async function withSeed<T>(name: string, seed: number, body: (seed: number) => Promise<T>): Promise<T> {
  try {
    return await body(seed);
  } catch (error) {
    const replay = `${name} failed with seed ${seed}; replay it with KANDAS_TEST_SEED=${seed}`;
    if (error instanceof Error) {
      error.message = `${replay}\n${error.message}`;
      throw error;
    }
    throw new Error(`${replay}\n${String(error)}`, { cause: error });
  }
}
