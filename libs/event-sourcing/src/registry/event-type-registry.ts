import { RecordedEvent } from '../store';

/** Turns the data of version `n` into the data of version `n + 1`. Pure; never reads anything else. */
export type Upcaster = (data: unknown) => unknown;

export interface EventTypeDefinition {
  readonly type: string;
  /** The version new events are written with. */
  readonly schemaVersion: number;
  /** `upcasters[n]` lifts version n to n + 1; the chain must reach `schemaVersion`. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}

export class UnknownEventTypeError extends Error {
  readonly code = 'EVENT_REGISTRY.UNKNOWN_TYPE';
  constructor(readonly type: string) {
    super(`No event type "${type}" is registered`);
    this.name = 'UnknownEventTypeError';
  }
}

export class UnsupportedSchemaVersionError extends Error {
  readonly code = 'EVENT_REGISTRY.UNSUPPORTED_SCHEMA_VERSION';
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
  ) {
    super(`Event type "${type}" has no upcaster from schema version ${schemaVersion}`);
    this.name = 'UnsupportedSchemaVersionError';
  }
}

/**
 * The one map from a stored type name to its current schema and its class. Old versions are lifted
 * on read by the upcaster chain, so deciders, sagas and projections only ever see the current shape
 * and the stored history is never rewritten.
 */
export class EventTypeRegistry {
  private readonly definitions = new Map<string, EventTypeDefinition>();

  register(definition: EventTypeDefinition): this {
    if (this.definitions.has(definition.type)) throw new Error(`Event type "${definition.type}" is registered twice`);
    for (let version = 1; version < definition.schemaVersion; version++) {
      if (!definition.upcasters?.[version]) {
        throw new Error(
          `Event type "${definition.type}" v${definition.schemaVersion} lacks the upcaster from v${version}`,
        );
      }
    }
    this.definitions.set(definition.type, definition);
    return this;
  }

  registerAll(definitions: readonly EventTypeDefinition[]): this {
    for (const definition of definitions) this.register(definition);
    return this;
  }

  has(type: string): boolean {
    return this.definitions.has(type);
  }

  types(): string[] {
    return [...this.definitions.keys()];
  }

  currentVersion(type: string): number {
    return this.definition(type).schemaVersion;
  }

  /** The event as the current schema describes it, whatever version it was stored with. */
  upcast<Data = unknown>(event: RecordedEvent): RecordedEvent<Data> {
    const definition = this.definition(event.type);
    if (event.schemaVersion === definition.schemaVersion) return event as RecordedEvent<Data>;
    if (event.schemaVersion > definition.schemaVersion) {
      throw new UnsupportedSchemaVersionError(event.type, event.schemaVersion);
    }
    let data = event.data;
    for (let version = event.schemaVersion; version < definition.schemaVersion; version++) {
      const upcaster = definition.upcasters?.[version];
      if (!upcaster) throw new UnsupportedSchemaVersionError(event.type, version);
      data = upcaster(data);
    }
    return { ...event, data: data as Data, schemaVersion: definition.schemaVersion };
  }

  private definition(type: string): EventTypeDefinition {
    const definition = this.definitions.get(type);
    if (!definition) throw new UnknownEventTypeError(type);
    return definition;
  }
}
