import type { EventStore, EventTypeRegistry } from '@libs/event-sourcing';
import type { CheckpointLog } from '../audit/checkpoint';
import { exportEvents } from './export-events';
import type { ExportOutput, ExportRequest } from './export-events';
import type { ExportSigner } from './export-manifest';

/** What an export asks for; the service supplies the rest (store, registry, key, checkpoints). */
export type ExportOrder = Pick<ExportRequest, 'selection' | 'format' | 'unmask' | 'now' | 'actor'>;

/**
 * The service's exports, wired once (composition root) for the HTTP controller and the CLI: every
 * export read from this store, signed with the service's key, and naming the latest checkpoint when
 * a checkpoint log is configured.
 */
export class AuditExports {
  constructor(
    private readonly store: EventStore,
    private readonly registry: EventTypeRegistry,
    private readonly signer: ExportSigner,
    private readonly checkpoints?: CheckpointLog,
  ) {}

  start(order: ExportOrder): Promise<ExportOutput> {
    const { store, registry, signer, checkpoints } = this;
    return exportEvents({ ...order, store, registry, signer, checkpoints });
  }
}
