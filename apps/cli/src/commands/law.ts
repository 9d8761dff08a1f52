import { readFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { Command, Option } from 'commander';
import { DAY_OFF_KINDS, LEGAL_ACT_KINDS, type LawCommand, type LegalActKind, type Untimed } from '@domain/law';
import { DomainError } from '@domain/shared/errors';
import {
  CLOCK,
  newUuid,
  WrongExpectedRevisionError,
  type Clock,
  type EventStore,
  type EventTypeRegistry,
} from '@libs/event-sourcing';
import { EVENT_STORE, EVENT_TYPE_REGISTRY } from '@libs/event-sourcing-nest';
import { amendLaw, RecordedLaw } from '@libs/workflow';
import type { CliContext } from './cli-context';
import { refuse } from './refuse';
import { lawTableLines, LAW_TABLES, type LawTable } from './law-show';

type Print = (line: string) => void;

interface BasisOptions {
  basisKind: LegalActKind;
  basisNumber?: string;
  basisDate: string;
  basisTitle: string;
  basisSource: string;
  takesEffectOn: string;
  reason?: string;
  expectedRevision?: string;
  author: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The options every amendment takes: its legal basis, its effective day, a reason when that is past. */
function withBasis(command: Command): Command {
  return command
    .addOption(new Option('--basis-kind <kind>', 'kind of act').choices(LEGAL_ACT_KINDS).makeOptionMandatory())
    .option('--basis-number <number>', "the act's number, when it has one")
    .requiredOption('--basis-date <yyyy-mm-dd>', 'the date of the act')
    .requiredOption('--basis-title <title>', 'the act, as an auditor would cite it')
    .requiredOption('--basis-source <https-url>', 'where the act can be read (https)')
    .requiredOption('--takes-effect-on <yyyy-mm-dd>', 'the day the change takes effect')
    .option('--reason <text>', 'why, when the change takes effect on a day already past')
    .option('--expected-revision <n>', "the table's stream revision last seen (a concurrent change is then refused)")
    .option('--author <id>', 'the administrator recording it', 'cli-admin');
}

/**
 * `law show <table>` and the amendments of the law (ADR 22), as `POST /admin/law/...` makes them:
 * each an event on its table's stream with its legal basis, appended at the revision read.
 */
export function addLawCommands(program: Command, context: CliContext): void {
  const law = program
    .command('law')
    .description('the law in force: show its tables, amend them with their legal basis');
  law
    .command('show')
    .description('a table as in force (now, or on --at), with its amendments')
    .addArgument(new Command().createArgument('<table>', LAW_TABLES.join(', ')).choices(LAW_TABLES))
    .option('--at <yyyy-mm-dd>', 'as in force on that day')
    .option('--year <year>', 'the calendar year (for `calendar`)')
    .action(async (table: LawTable, options: { at?: string; year?: string }, command: Command) => {
      if (options.at !== undefined && !DATE.test(options.at)) refuse(command, '--at must be a date yyyy-mm-dd');
      if (table === 'calendar' && !/^\d{4}$/.test(options.year ?? '')) refuse(command, 'calendar needs --year yyyy');
      context.exitWith(
        await context.onWorkflow(async (app) => {
          const recorded = app.get(RecordedLaw);
          await recorded.refresh();
          const lines = lawTableLines(recorded, table, options.at, Number(options.year));
          lines.forEach((line) => context.print(line));
          return lines.length > 0 ? 0 : 1;
        }),
      );
    });

  const calendar = law.command('calendar').description("amend a year's working-day calendar");
  withBasis(calendar.command('day-off').description('declare a day off (holiday, non-moving, transfer)'))
    .requiredOption('--date <yyyy-mm-dd>', 'the day off')
    .addOption(
      new Option('--kind <kind>', 'holiday, non-moving or transfer').choices(DAY_OFF_KINDS).makeOptionMandatory(),
    )
    .requiredOption('--name <name>', "the holiday's name, or the order of a transfer")
    .option('--working-day <yyyy-mm-dd>', 'for a transfer: the weekend day worked instead')
    .option('--expected-working-days <n>', "the year's working days after the change")
    .action(
      async (
        o: BasisOptions & {
          date: string;
          kind: 'holiday';
          name: string;
          workingDay?: string;
          expectedWorkingDays?: string;
        },
        c: Command,
      ) =>
        run(context, c, o, {
          type: 'DeclareDayOff',
          year: yearOf(c, o.date),
          date: o.date,
          kind: o.kind,
          name: o.name,
          ...(o.workingDay ? { workingDay: o.workingDay } : {}),
          ...counted(c, o.expectedWorkingDays),
        }),
    );
  withBasis(
    calendar
      .command('withdraw-day-off')
      .description('withdraw a listed day off (a holiday, a non-moving day, a transfer)'),
  )
    .requiredOption('--date <yyyy-mm-dd>', 'the listed day off')
    .option('--expected-working-days <n>', "the year's working days after the change")
    .action(async (o: BasisOptions & { date: string; expectedWorkingDays?: string }, c: Command) =>
      run(context, c, o, {
        type: 'WithdrawDayOff',
        year: yearOf(c, o.date),
        date: o.date,
        ...counted(c, o.expectedWorkingDays),
      }),
    );
  withBasis(calendar.command('worked-day').description('declare a day worked (a weekend day needs --day-off)'))
    .requiredOption('--date <yyyy-mm-dd>', 'the day to work')
    .option('--day-off <yyyy-mm-dd>', 'for a Saturday or Sunday: the weekday given off instead')
    .option('--expected-working-days <n>', "the year's working days after the change")
    .action(async (o: BasisOptions & { date: string; dayOff?: string; expectedWorkingDays?: string }, c: Command) =>
      run(context, c, o, {
        type: 'DeclareWorkedDay',
        year: yearOf(c, o.date),
        date: o.date,
        ...(o.dayOff ? { dayOff: o.dayOff } : {}),
        ...counted(c, o.expectedWorkingDays),
      }),
    );
  withBasis(calendar.command('confirm').description('confirm a provisional year'))
    .requiredOption('--year <year>', 'the year')
    .option('--expected-working-days <n>', "the year's working days")
    .action(async (o: BasisOptions & { year: string; expectedWorkingDays?: string }, c: Command) =>
      run(context, c, o, {
        type: 'ConfirmCalendarYear',
        year: yearOf(c, `${o.year}-01-01`),
        ...counted(c, o.expectedWorkingDays),
      }),
    );
  withBasis(law.command('mci').description('record the MCI from a date on (a new row or a corrected value)'))
    .requiredOption('--from <yyyy-mm-dd>', 'the first day the value applies')
    .requiredOption('--value <tenge>', 'whole tenge')
    .action(async (o: BasisOptions & { from: string; value: string }, c: Command) => {
      if (!/^\d{1,9}$/.test(o.value)) refuse(c, '--value must be a whole number of tenge');
      if (!DATE.test(o.from)) refuse(c, '--from must be a date yyyy-mm-dd');
      return run(context, c, o, { type: 'SetMci', validFrom: o.from, value: Number(o.value) });
    });
  // The whole table, as the stored list has it (the same JSON as the HTTP body's table): the decider
  // validates it and answers each fault with its field, as over HTTP.
  withBasis(law.command('rent-rates').description('replace the rent-rate table (MCI a month, 15–30) from a JSON file'))
    .requiredOption('--file <path>', 'JSON: { "<region>": { "<settlement kind>": <MCI> } }')
    .option('--provisional', 'the rates are not yet confirmed by the act (FACTS: what sets them was not found)')
    .action(async (o: BasisOptions & { file: string; provisional?: boolean }, c: Command) =>
      run(context, c, o, { type: 'SetRentRates', provisional: o.provisional === true, rates: jsonFile(c, o.file) }),
    );
  withBasis(law.command('refusal-grounds').description('replace the refusal-ground list from a JSON file'))
    .requiredOption('--file <path>', 'JSON: [{ "code", "ru", "kk", "en", "explanationRequired", "retired"? }]')
    .action(async (o: BasisOptions & { file: string }, c: Command) =>
      run(context, c, o, { type: 'SetRefusalGrounds', grounds: jsonFile(c, o.file) }),
    );
  withBasis(
    law.command('sla-policy').description('replace the SLA policy (zone, working hours, terms) from a JSON file'),
  )
    .requiredOption(
      '--file <path>',
      'JSON: { "zone", "workdayStart", "workdayEnd", "reviewWorkingDays", "atRiskWorkingDaysBeforeDue" }',
    )
    .action(async (o: BasisOptions & { file: string }, c: Command) =>
      run(context, c, o, { type: 'SetSlaPolicy', policy: jsonFile(c, o.file) }),
    );
}

function jsonFile(command: Command, path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    refuse(command, `--file ${path} cannot be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    refuse(command, `--file ${path} is not JSON: ${(error as Error).message}`);
  }
}

function yearOf(command: Command, date: string): number {
  if (!DATE.test(date)) refuse(command, `${date} is not a date yyyy-mm-dd`);
  return Number(date.slice(0, 4));
}

function counted(command: Command, value: string | undefined): { expectedWorkingDays?: number } {
  if (value === undefined) return {};
  if (!/^\d{1,3}$/.test(value)) refuse(command, '--expected-working-days must be a whole number');
  return { expectedWorkingDays: Number(value) };
}

async function run(context: CliContext, command: Command, o: BasisOptions, change: object): Promise<void> {
  if (o.expectedRevision !== undefined && !/^\d{1,15}$/.test(o.expectedRevision))
    refuse(command, '--expected-revision must be a stream revision');
  const amendment = {
    ...change,
    legalBasis: {
      kind: o.basisKind,
      ...(o.basisNumber ? { number: o.basisNumber } : {}),
      date: o.basisDate,
      title: o.basisTitle,
      source: o.basisSource,
    },
    takesEffectOn: o.takesEffectOn,
    ...(o.reason ? { reason: o.reason } : {}),
  } as Untimed<LawCommand>;
  const expected = o.expectedRevision === undefined ? undefined : Number(o.expectedRevision);
  context.exitWith(await context.onWorkflow((app) => amend(app, amendment, o.author, expected, context.print)));
}

/** Exit code 0 when recorded, 1 when the law refuses it (its code and the fields at fault printed). */
async function amend(
  app: INestApplicationContext,
  change: Untimed<LawCommand>,
  author: string,
  expectedRevision: number | undefined,
  print: Print,
): Promise<number> {
  const store = app.get<EventStore>(EVENT_STORE);
  const registry = app.get<EventTypeRegistry>(EVENT_TYPE_REGISTRY);
  const now = app.get<Clock>(CLOCK).now();
  const commandId = newUuid();
  const context = {
    commandId,
    correlationId: commandId,
    causationId: commandId,
    actor: { id: author, role: 'admin' },
    now,
  };
  try {
    const outcome = await amendLaw(store, registry, { ...change, at: now.toISOString() }, context, expectedRevision);
    for (const event of outcome.events)
      print(`Recorded ${outcome.streamId} revision ${outcome.revision}: ${describe(event)}`);
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      print(`Refused: ${error.code} — ${error.message}`);
      error.violations.forEach((v) => print(`  ${v.field}: ${v.reason}`));
      return 1;
    }
    if (error instanceof WrongExpectedRevisionError) {
      print(`Refused: ${error.message}; show the table again and retry`);
      return 1;
    }
    throw error;
  }
}

function describe(event: { type: string; data: unknown }): string {
  const data = event.data as Record<string, unknown>;
  if (event.type === 'CalendarYearAmended') {
    const { version, workingDays, daysOffAdded, daysOffRemoved } = data as {
      version: string;
      workingDays: number;
      daysOffAdded: string[];
      daysOffRemoved: string[];
    };
    return `${version}, ${workingDays} working days; days off added: ${daysOffAdded.join(', ') || 'none'}; removed: ${daysOffRemoved.join(', ') || 'none'}`;
  }
  return `${event.type} version ${String(data.version)}`;
}
