import { maskAll, maskDeclared, maskDeclaredAt, maskUndeclared } from '@domain/shared/personal-data-mask';
import { maskId } from '@domain/shared/personal-data';
import type { AuditEntry, StateAsOf, StateDiff } from '../audit/audit-trail';
import {
  PERSONAL_ID_FORMS,
  statePersonalFields,
  WORKFLOW_PERSONAL_DATA,
} from '../personal-data/personal-data-registry';

/** What masking needs of an event: its type and schema version choose the declaration. */
type MaskableEvent = Pick<AuditEntry, 'type' | 'schemaVersion' | 'streamId' | 'actor' | 'data'>;

/**
 * The one mask of an event, for every masked view (exports, the auditors' views, ADR 26): the
 * fields declared personal for its type masked as their kind, an id naming a person masked by its
 * form, and every other string through the undeclared pass. An event whose type or schema version
 * has no declaration (a type this build does not know) has its whole data masked: the safe side.
 */
export function maskPersonalData<T extends MaskableEvent>(event: T): T {
  const declaration = WORKFLOW_PERSONAL_DATA[event.type];
  const data =
    declaration?.schemaVersion === event.schemaVersion
      ? maskDeclared(declaration.fields, event.data)
      : (maskAll('freeText', event.data) as T['data']);
  return {
    ...event,
    streamId: maskPersonalId(event.streamId),
    actor: { ...event.actor, id: maskPersonalId(event.actor.id) },
    data,
  };
}

/** A stream or actor id: a person's form masked, and the undeclared pass over the rest. */
export function maskPersonalId(id: string): string {
  return maskUndeclared(maskId(PERSONAL_ID_FORMS, id));
}

export function maskEntries<T extends MaskableEvent>(entries: readonly T[]): T[] {
  return entries.map((entry) => maskPersonalData(entry));
}

/** A folded state, masked by the declaration of its stream's state. */
export function maskStateAsOf(state: StateAsOf): StateAsOf {
  return {
    ...state,
    streamId: maskPersonalId(state.streamId),
    state: maskDeclared(statePersonalFields(state.streamId), state.state),
  };
}

/** A diff: its events as events, each changed field by the state declaration at its path. */
export function maskDiff(diff: StateDiff): StateDiff {
  const fields = statePersonalFields(diff.streamId);
  const at = (path: string) => (path === '$' ? [] : path.split('.'));
  return {
    ...diff,
    streamId: maskPersonalId(diff.streamId),
    events: maskEntries(diff.events),
    changes: diff.changes.map((change) => ({
      path: change.path,
      before: maskDeclaredAt(fields, at(change.path), change.before),
      after: maskDeclaredAt(fields, at(change.path), change.after),
    })),
  };
}

/** A text shown where no declaration reaches (a log line, a read model's summary): the undeclared pass. */
export { maskPersonalText } from '@domain/shared/personal-data-mask';
