import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface CliRebuild {
  readonly events: number;
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly digests: Record<string, string>;
}

/**
 * `npm run cli -- rebuild` as an operator runs it: the compiled CLI (npm run build, then
 * dist/apps/cli) in a process of its own, on `eventsFile`, into a fresh `readModelsFile`. Its peak
 * RSS is the kernel's (getrusage), printed by a preload as it exits.
 */
export async function rebuildWithTheCli(eventsFile: string, readModelsFile: string): Promise<CliRebuild> {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build exited with ${build.status}`);
  const args = ['--require', join(__dirname, 'report-peak-rss.js'), join(ROOT, 'dist/apps/cli/src/main.js'), 'rebuild'];
  const env = { ...process.env, KANDAS_EVENTS_FILE: eventsFile, KANDAS_READ_MODELS_FILE: readModelsFile };
  const output = await new Promise<string>((resolveOutput, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolveOutput(text) : reject(new Error(`the CLI rebuild exited with ${code}:\n${text}`)),
    );
  });
  const done = /Rebuilt \d+ tables from (\d+) events \(head [^)]*\) in ([\d.]+)s/.exec(output);
  const peak = /KANDAS_PEAK_RSS_KB=(\d+)/.exec(output);
  if (!done || !peak) throw new Error(`unexpected CLI output:\n${output}`);
  const digests = Object.fromEntries(
    [...output.matchAll(/^\s+(\w+)\s+sha256 ([0-9a-f]{64})$/gm)].map((m) => [m[1]!, m[2]!]),
  );
  return { events: Number(done[1]), seconds: Number(done[2]), peakRssMb: Number(peak[1]) / 1024, digests };
}
