import { Counter, Gauge, type Registry } from 'prom-client';
import type { CheckpointLog } from '@libs/workflow';
import { AnchoredCheckpointLog } from '@infra/audit/checkpoints/anchored-checkpoint-log';

/**
 * The checkpoint log's health (ADR 24): copies to the directory and the witness written and failed —
 * a failed copy is only logged, so this is where an operator sees a witness that stopped taking them —
 * and the position and instant of the latest checkpoint (an interval that stopped signing shows here).
 */
export function registerCheckpointMetrics(log: CheckpointLog, registers: Registry[]): void {
  if (log instanceof AnchoredCheckpointLog) {
    for (const [name, outcome] of [
      ['kandas_checkpoint_copies_total', 'written'],
      ['kandas_checkpoint_copy_failures_total', 'failed'],
    ] as const)
      new Counter({
        name,
        help: `Checkpoint copies ${outcome} by copy (directory, witness); the local log keeps every checkpoint either way`,
        labelNames: ['copy'],
        registers,
        collect: function (this: Counter) {
          this.reset();
          for (const [copy, counts] of log.copyCounts()) this.inc({ copy }, counts[outcome]);
        },
      });
  }
  new Gauge({
    name: 'kandas_checkpoint_latest_signed_seconds',
    help: 'Unix time the latest checkpoint was signed at (0: none yet)',
    registers,
    collect: async function (this: Gauge) {
      const latest = await log.latest();
      this.set(latest ? Date.parse(latest.signedAt) / 1000 : 0);
    },
  });
}
