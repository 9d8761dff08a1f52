import { runYearOfSupport } from './run-year-of-support';
import { yearOfSupport } from './year-of-support';

/** A year of a family's support on the embedded SQLite store (issue 21's acceptance, with the EventStoreDB run beside it). */
describe('a year of a family’s support after arrival, the clock moved by hand (ADR 33)', () => {
  runYearOfSupport(() => yearOfSupport());
});
