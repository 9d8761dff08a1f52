import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real, small disk: a tmpfs mounted for the test (needs root or CAP_SYS_ADMIN, which CI has),
 * and a filler file that leaves only `leaveFreeBytes` on it. Deleting the filler frees the disk.
 */
export class SmallDisk {
  private constructor(readonly dir: string) {}

  /** Why a tmpfs cannot be mounted here, or undefined when it can. */
  static unavailableReason(): string | undefined {
    const probe = mkdtempSync(join(tmpdir(), 'kandas-disk-probe-'));
    try {
      const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { encoding: 'utf8' });
      if (mounted.status !== 0)
        return `cannot mount a tmpfs (${mounted.stderr.trim() || mounted.error?.message}); run as root`;
      spawnSync('umount', [probe]);
      return undefined;
    } finally {
      rmSync(probe, { recursive: true, force: true });
    }
  }

  static mount(sizeBytes: number): SmallDisk {
    const dir = mkdtempSync(join(tmpdir(), 'kandas-small-disk-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], { encoding: 'utf8' });
    if (mounted.status !== 0) throw new Error(`mount tmpfs on ${dir}: ${mounted.stderr}`);
    return new SmallDisk(dir);
  }

  get freeBytes(): number {
    const disk = statfsSync(this.dir);
    return disk.bavail * disk.bsize;
  }

  fillLeaving(leaveFreeBytes: number): void {
    writeFileSync(this.filler, Buffer.alloc(Math.max(0, this.freeBytes - leaveFreeBytes)));
  }

  free(): void {
    rmSync(this.filler, { force: true });
  }

  unmount(): void {
    spawnSync('umount', ['-l', this.dir]);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private get filler(): string {
    return join(this.dir, 'filler.bin');
  }
}
