/**
 * `npm run bench [-- --only append,replay] [--quick]`: runs every workload in a process of its own
 * (so that peak memory is the workload's alone, and one cannot warm the next), prints one table and
 * writes bench/results.json. Workloads live in bench/workloads/<name>.ts and end by printing their
 * report (support/result.ts). Nothing here is a test: targets are reported, never asserted.
 */
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { meets, REPORT_PREFIX, WorkloadReport } from './support/result';
import { formatTable } from './support/table';

const ROOT = resolve(__dirname, '..');
export const WORKLOADS = [
  'append',
  'workflow-in-process',
  'workflow-http',
  'replay',
  'aggregate-load',
  'quota-fold',
  'sla-scan',
  'payment-run',
  'console',
] as const;

async function main(): Promise<void> {
  const only = argument('--only')?.split(',');
  const unknown = only?.filter((name) => !(WORKLOADS as readonly string[]).includes(name)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown workload(s) ${unknown.join(', ')}; known: ${WORKLOADS.join(', ')}`);
  const quick = process.argv.includes('--quick');
  const reports: WorkloadReport[] = [];
  for (const workload of WORKLOADS.filter((name) => !only || only.includes(name))) {
    process.stderr.write(`\n▶ ${workload}${quick ? ' (quick)' : ''}\n`);
    reports.push(await runWorkload(workload, quick));
  }
  process.stdout.write(`\n${formatTable(reports)}\n`);
  const results = {
    at: new Date().toISOString(),
    quick,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
    },
    reports: reports.map((report) => ({
      ...report,
      measurements: report.measurements.map((m) => ({ ...m, meetsTarget: meets(m) })),
    })),
  };
  const file = join(__dirname, quick ? 'results.quick.json' : 'results.json');
  writeFileSync(file, `${JSON.stringify(mergedWithEarlier(file, results, only !== undefined), null, 2)}\n`);
  process.stderr.write(`\nwritten: ${file}\n`);
}

function runWorkload(workload: string, quick: boolean): Promise<WorkloadReport> {
  return new Promise((resolveReport, reject) => {
    const args = [
      '--expose-gc',
      '--require',
      join(ROOT, 'test/support/swc-register.js'),
      join(__dirname, 'workloads', `${workload}.ts`),
      ...(quick ? ['--quick'] : []),
    ];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'benchmark' },
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      for (const line of chunk.split('\n'))
        if (line && !line.startsWith(REPORT_PREFIX)) process.stderr.write(`  ${line}\n`);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = output.split('\n').find((candidate) => candidate.startsWith(REPORT_PREFIX));
      if (code !== 0 || !line) return reject(new Error(`workload ${workload} exited with ${code} without a report`));
      resolveReport(JSON.parse(line.slice(REPORT_PREFIX.length)) as WorkloadReport);
    });
  });
}

/** With --only, the other workloads' last reports are kept (each says when it ran), so one file has them all. */
function mergedWithEarlier<T extends { at: string; reports: Array<{ workload: string }> }>(
  file: string,
  results: T,
  partial: boolean,
): T {
  if (!partial || !existsSync(file)) return results;
  const earlier = JSON.parse(readFileSync(file, 'utf8')) as T;
  const fresh = new Set(results.reports.map((report) => report.workload));
  const stamp = (report: { workload: string }, at: string) => ({ at, ...report });
  const reports = WORKLOADS.flatMap((name) => {
    const now = results.reports.find((report) => report.workload === name);
    if (now) return [stamp(now, results.at)];
    const kept = fresh.has(name) ? undefined : earlier.reports.find((report) => report.workload === name);
    return kept ? [stamp(kept, (kept as { at?: string }).at ?? earlier.at)] : [];
  });
  return { ...results, reports };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
