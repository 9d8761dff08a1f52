import { Command, InvalidArgumentError } from 'commander';
import { isIsoDate } from '../seed/dates';
import { runSeedCommand, SEED_DEFAULTS, SeedOptions } from '../seed/seed-command';
import { seedProgressBar } from '../seed/seed-progress';
import type { CliContext } from './cli-context';
import { optionValuesOf, refuse } from './refuse';

interface SeedOptionValues {
  readonly applications: number;
  readonly seed: string;
  readonly from: string;
  readonly to: string;
  readonly force?: true;
}

function applicationCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 100_000)
    throw new InvalidArgumentError('--applications must be a whole number from 1 to 100000');
  return count;
}

function isoDate(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('--from and --to must be dates (yyyy-MM-dd)');
  return value;
}

function nonEmptySeed(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('--seed must not be empty');
  return value;
}

/** `seed`'s options; the rules across them that commander cannot say are in seedOptionsFrom. */
function seedCommand(): Command {
  return new Command('seed')
    .description(
      'load demo data into the configured store by playing applications through the workflow on a simulated clock; ' +
        'refuses a store that already holds events unless --force is given',
    )
    .option('--applications <n>', 'how many applications', applicationCount, SEED_DEFAULTS.applications)
    .option('--seed <s>', 'the same seed gives the same demo data', nonEmptySeed, SEED_DEFAULTS.seed)
    .option('--from <yyyy-MM-dd>', 'first working day', isoDate, SEED_DEFAULTS.from)
    .option('--to <yyyy-MM-dd>', 'last working day, in the same quota year', isoDate, SEED_DEFAULTS.to)
    .option('--force', 'seed even though the store already holds events');
}

function seedOptionsFrom(values: SeedOptionValues): SeedOptions | string {
  const { applications, seed, from, to } = values;
  if (from > to) return '--from must not be after --to';
  if (from.slice(0, 4) !== to.slice(0, 4)) return '--from and --to must fall in the same quota year';
  return { applications, seed, from, to, force: values.force === true };
}

/** Parses `seed`'s arguments (without the word `seed`) as the CLI does; a string is the problem to report. */
export function parseSeedArgs(argv: readonly string[]): SeedOptions | string {
  const values = optionValuesOf<SeedOptionValues>(seedCommand(), argv);
  return typeof values === 'string' ? values : seedOptionsFrom(values);
}

/** The seed runs the workflow with its subscriptions and a simulated clock, in a context of its own. */
export function addSeedCommand(program: Command, { print, exitWith }: CliContext): void {
  const command = seedCommand().copyInheritedSettings(program);
  program.addCommand(
    command.action(async (values: SeedOptionValues) => {
      const options = seedOptionsFrom(values);
      if (typeof options === 'string') refuse(command, options);
      const bar = seedProgressBar(print);
      try {
        exitWith(await runSeedCommand(options, bar?.print ?? print, bar?.workingDayDone));
      } finally {
        bar?.stop();
      }
    }),
  );
}
