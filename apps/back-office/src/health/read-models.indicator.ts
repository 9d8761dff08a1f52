import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import type Database from 'better-sqlite3';
import { READ_MODELS_DB, RUNTIME_CONFIG } from '@libs/workflow';
import type { RuntimeConfig } from '@infra/config/runtime-config';
import { checkSqliteHealth } from '@infra/sqlite/sqlite-health';

/** The read-model file, probed like the events file: writable, lock free, not corrupt, KANDAS_MIN_FREE_DISK_MB free. */
@Injectable()
export class ReadModelsIndicator {
  constructor(
    @Inject(READ_MODELS_DB) private readonly readModels: Database.Database,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check(): HealthIndicatorResult<'readModels'> {
    const indicator = this.indicators.check('readModels');
    const health = checkSqliteHealth(this.readModels, { minFreeBytes: this.config.minFreeDiskBytes });
    return health.ok ? indicator.up() : indicator.down({ fault: health.fault, error: health.detail });
  }
}
