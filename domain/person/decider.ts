import { Decider } from '../shared/decider';
import type { PersonCommand } from './commands';
import { decidePerson } from './decide';
import type { PersonEvent } from './events';
import { evolvePerson, initialPersonState, PersonState } from './state';

/**
 * The Person aggregate: one stream per IIN, so "one open application, one inclusion per person" is
 * kept by the expected revision of one stream, across regions and categories (ADR 16).
 */
export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  initialState: initialPersonState,
  evolve: evolvePerson,
  decide: decidePerson,
};

export const PERSON_STREAM_PREFIX = 'person-';

export const personStreamId = (iin: string): string => `${PERSON_STREAM_PREFIX}${iin}`;
