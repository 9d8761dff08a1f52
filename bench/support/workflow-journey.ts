import { readFileSync } from 'node:fs';
import { isValidIin } from '@domain/shared/iin';
import { join } from 'node:path';
import type { Measurement } from './result';
import { millisSince, now, percentile, perSecond } from './stats';

/**
 * What the two workflow workloads share: the journey of one application (the README's happy path),
 * the closed-loop clients that run it, and the figures they report.
 *
 * A client runs one application's whole journey at a time — submit, OTP, sign, start review,
 * record an eligible review — then waits until the saga has stored both subsidies (relocation and
 * rent) before it starts the next one. An application is done when its second `SubsidyGranted` is
 * in the store; its latency runs from the start of its submit to that moment.
 */

/** The README's example family (3 persons, Pavlodar, 2026, kandas), as the portal sends it. */
export const SUBMISSION = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'docs', 'examples', 'application.json'), 'utf8'),
) as Readonly<Record<string, unknown>>;

let issued = 0;

/** A valid IIN no other journey of this process names: one person is on one open application only (ADR 16). */
function freshIin(): string {
  for (;;) {
    issued += 1;
    const first11 = `7${String(issued).padStart(10, '0')}`;
    for (let check = 0; check <= 9; check++) if (isValidIin(`${first11}${check}`)) return `${first11}${check}`;
  }
}

/** The example family with persons of its own (applicant and every member with an IIN), and its applicant's IIN. */
export function freshSubmission(): { body: Readonly<Record<string, unknown>>; applicantIin: string } {
  const example = SUBMISSION as { applicant: object; familyMembers: Array<{ iin?: string }> };
  const applicantIin = freshIin();
  const body = {
    ...SUBMISSION,
    applicant: { ...example.applicant, iin: applicantIin },
    familyMembers: example.familyMembers.map((m) => (m.iin === undefined ? m : { ...m, iin: freshIin() })),
  };
  return { body, applicantIin };
}
export const QUOTA = { region: 'pavlodar', year: 2026, category: 'kandas' } as const;
export const PERSONS_PER_APPLICATION = 3;
export const ELIGIBLE_REVIEW = {
  verdict: 'eligible',
  grounds: [] as string[],
  findings: [0, 1, 2, 3, 4].map((documentIndex) => ({ documentIndex, accepted: true })),
};
export const QUOTA_ORDER = { number: '12-01/412', date: '2025-12-12' };

/** The commands of a journey, in order, under the names the report uses. */
export const STEPS = ['submit', 'otp', 'sign', 'review/start', 'review'] as const;
export type Step = (typeof STEPS)[number];

/** Latency samples (ms) per command type, and of whole applications. */
export class Latencies {
  readonly commands = new Map<Step, number[]>(STEPS.map((step) => [step, []]));
  readonly applications: number[] = [];

  async time<T>(step: Step, work: () => Promise<T>): Promise<T> {
    const start = now();
    const result = await work();
    this.commands.get(step)!.push(millisSince(start));
    return result;
  }

  all(): number[] {
    return [...this.commands.values()].flat();
  }
}

export interface RunFigures {
  readonly clients: number;
  readonly applications: number;
  readonly elapsedMs: number;
  readonly latencies: Latencies;
}

/**
 * Runs `total` journeys on `clients` closed-loop clients: each takes the next index, runs
 * `journey(index)` to the end (subsidies stored), and takes another. The first failure stops all.
 */
export async function runClients(
  clients: number,
  total: number,
  journey: (index: number, latencies: Latencies) => Promise<void>,
): Promise<RunFigures> {
  const latencies = new Latencies();
  let next = 0;
  let failure: { error: unknown } | undefined;
  const start = now();
  await Promise.all(
    Array.from({ length: Math.min(clients, total) }, async () => {
      while (!failure && next < total) {
        const index = next++;
        const begun = now();
        try {
          await journey(index, latencies);
        } catch (error) {
          failure ??= { error };
          return;
        }
        latencies.applications.push(millisSince(begun));
      }
    }),
  );
  if (failure) throw failure.error;
  return { clients, applications: total, elapsedMs: millisSince(start), latencies };
}

/**
 * Resolves `done(id)` once both subsidies of the application are stored. `seen` is fed with each
 * stored `SubsidyGranted` (from a subscription in-process, from polling the file over HTTP).
 */
export class SubsidyWatch {
  private readonly granted = new Map<string, number>();
  private readonly waiters = new Map<string, () => void>();
  private failure: { error: unknown } | undefined;
  private readonly failed = new Set<(error: unknown) => void>();

  seen(applicationId: string): void {
    const count = (this.granted.get(applicationId) ?? 0) + 1;
    this.granted.set(applicationId, count);
    if (count === 2) {
      this.waiters.get(applicationId)?.();
      this.waiters.delete(applicationId);
    }
  }

  fail(error: unknown): void {
    this.failure = { error };
    for (const reject of this.failed) reject(error);
  }

  done(applicationId: string, timeoutMs = 60_000): Promise<void> {
    if (this.failure) return Promise.reject(this.failure.error);
    if ((this.granted.get(applicationId) ?? 0) >= 2) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.failed.delete(onFailure);
        reject(
          new Error(
            `application ${applicationId}: both subsidies not stored within ${timeoutMs} ms (granted ${this.granted.get(applicationId) ?? 0})`,
          ),
        );
      }, timeoutMs);
      const onFailure = (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      };
      this.failed.add(onFailure);
      this.waiters.set(applicationId, () => {
        clearTimeout(timer);
        this.failed.delete(onFailure);
        resolve();
      });
    });
  }
}

/** `application-<uuid>` → `<uuid>`. */
export function applicationIdOf(streamId: string): string {
  return streamId.slice('application-'.length);
}

export interface ScenarioFigures extends RunFigures {
  readonly synchronous: 'FULL' | 'NORMAL';
  readonly warmup: number;
  /** Extra facts for the details (events per application, fsync counts, ...). */
  readonly extra?: Record<string, unknown>;
}

/** Throughput, whole-application latency and per-command latency of one scenario. */
export function measurementsOf(
  scenario: ScenarioFigures,
  how: 'in-process' | 'HTTP',
  target?: Measurement['target'],
): Measurement[] {
  const { clients, synchronous, latencies } = scenario;
  const label = `${how} · ${clients} client${clients === 1 ? '' : 's'} · synchronous=${synchronous}`;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  const perCommand = Object.fromEntries(
    [...latencies.commands].map(([step, sample]) => [
      step,
      { p50: round(percentile(sample, 50)), p99: round(percentile(sample, 99)), count: sample.length },
    ]),
  );
  const all = latencies.all();
  const details = {
    applications: scenario.applications,
    warmup: scenario.warmup,
    elapsedMs: round(scenario.elapsedMs),
    applicationLatencyMs: {
      p50: round(percentile(latencies.applications, 50)),
      p99: round(percentile(latencies.applications, 99)),
    },
    commandLatencyMs: { p50: round(percentile(all, 50)), p99: round(percentile(all, 99)) },
    perCommandMs: perCommand,
    ...scenario.extra,
  };
  return [
    {
      name: `workflow · ${label} · applications/s (submit → both subsidies)`,
      subject: 'ours',
      value: perSecond(scenario.applications, scenario.elapsedMs),
      unit: 'apps/s',
      better: 'higher',
      ...(target ? { target } : {}),
      details,
    },
    {
      name: `workflow · ${label} · command latency p50`,
      subject: 'ours',
      value: percentile(all, 50),
      unit: 'ms',
      better: 'lower',
      details: { perCommandMs: perCommand },
    },
    {
      name: `workflow · ${label} · command latency p99`,
      subject: 'ours',
      value: percentile(all, 99),
      unit: 'ms',
      better: 'lower',
      details: { perCommandMs: perCommand },
    },
  ];
}

/** One line on stderr per scenario, for whoever watches the run. */
export function describeScenario(scenario: ScenarioFigures, how: string): string {
  const { latencies } = scenario;
  const all = latencies.all();
  const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1);
  const steps = [...latencies.commands]
    .map(([step, sample]) => `${step} ${fmt(percentile(sample, 50))}/${fmt(percentile(sample, 99))}`)
    .join(', ');
  return (
    `${how} · ${scenario.clients} client(s) · ${scenario.synchronous}: ${scenario.applications} applications in ${(scenario.elapsedMs / 1000).toFixed(2)} s = ` +
    `${perSecond(scenario.applications, scenario.elapsedMs).toFixed(1)} apps/s; application p50 ${fmt(percentile(latencies.applications, 50))} ms, p99 ${fmt(percentile(latencies.applications, 99))} ms; ` +
    `command p50 ${fmt(percentile(all, 50))} ms, p99 ${fmt(percentile(all, 99))} ms (p50/p99: ${steps})`
  );
}

export type Synchronous = 'FULL' | 'NORMAL';

/**
 * The scenarios a whole-workflow workload runs (1 and 50 clients, FULL and NORMAL) and how many
 * applications each measures after its warm-up; the command line may narrow them (listArgument).
 */
export function workflowScenarios(quick: boolean) {
  const clients = (listArgument('--clients') ?? ['1', '50']).map(Number);
  const synchronous = (listArgument('--sync') ?? ['FULL', 'NORMAL']) as Synchronous[];
  const sizes = (count: number): { applications: number; warmup: number } => {
    const forced = listArgument('--applications');
    if (forced) return { applications: Number(forced[0]), warmup: quick ? 10 : 100 };
    if (quick) return { applications: count === 1 ? 20 : 200, warmup: 10 };
    return count === 1 ? { applications: 500, warmup: 100 } : { applications: 2000, warmup: 200 };
  };
  return { clients, synchronous, sizes };
}

/** `--clients 1,50`, `--sync FULL,NORMAL`, `--applications 2000`: to run one scenario by hand while profiling. */
export function listArgument(name: string): string[] | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1]!.split(',');
}
