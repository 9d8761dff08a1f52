import { readFileSync } from 'node:fs';

/** The process's peak resident set so far, in MB (Linux VmHWM: what the kernel saw, not a sample). */
export function peakRssMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  if (match) return Number(match[1]) / 1024;
  return process.memoryUsage().rss / 1024 / 1024;
}
