import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Keeps the benchmarks from rotting: each workload that needs no peer package runs at its tiny
 * `--quick` size and must produce a well-formed report. Nothing is timed or compared here — the
 * figures of a quick run mean nothing; `npm run bench` measures (docs/benchmarks.md).
 */
const ROOT = resolve(__dirname, '..', '..');
const WORKLOADS = [
  'workflow-in-process',
  'workflow-http',
  'replay',
  'aggregate-load',
  'quota-fold',
  'sla-scan',
  'payment-run',
  // Not 'console': seeding, a build of its own and Chromium cost two minutes of CI's twenty, and its
  // screens are the browser tests' (test/browser); `npm run bench -- --only console --quick` checks it.
];

describe('npm run bench, at its quick size', () => {
  it('runs every workload that needs no peer and writes a report for each', () => {
    rmSync(join(ROOT, 'bench/results.quick.json'), { force: true });
    const run = spawnSync(
      process.execPath,
      [
        '--require',
        join(ROOT, 'test/support/swc-register.js'),
        join(ROOT, 'bench/run.ts'),
        '--only',
        WORKLOADS.join(','),
        '--quick',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 420_000,
      },
    );
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr.slice(-3000) }).toEqual({
      status: 0,
      stderr: '',
    });
    const results = JSON.parse(readFileSync(join(ROOT, 'bench/results.quick.json'), 'utf8')) as {
      quick: boolean;
      reports: Array<{ workload: string; measurements: Array<{ value: number; unit: string }> }>;
    };
    expect(results.quick).toBe(true);
    expect(results.reports.map((report) => report.workload)).toEqual(WORKLOADS);
    for (const report of results.reports) {
      expect(report.measurements.length).toBeGreaterThan(0);
      for (const measurement of report.measurements) expect(Number.isFinite(measurement.value)).toBe(true);
    }
  }, 450_000);
});
