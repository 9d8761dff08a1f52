import { Command } from 'commander';
import { maskIin } from '@domain/shared/iin';
import type { EventStore } from '@libs/event-sourcing';
import { EVENT_STORE } from '@libs/event-sourcing-nest';
import { findDuplicatePersons } from '@libs/workflow';
import type { CliContext } from './cli-context';

type Print = (line: string) => void;

/**
 * `report duplicate-persons [--all]`: persons on more than one open or included application, from
 * data stored before one person could hold one application only (ADR 16). IINs are printed masked,
 * as the audit commands print them; the application ids are what an officer acts on.
 */
export function addReportCommand(program: Command, { print, onWorkflow, exitWith }: CliContext): void {
  const report = program.command('report').description('reports over the stored applications');
  report
    .command('duplicate-persons')
    .description('persons (applicant or family member, by IIN) on more than one open or included application')
    .option('--all', 'also count refused and withdrawn applications')
    .action(async (options: { all?: true }) => {
      exitWith(await onWorkflow((app) => duplicatePersons(app.get(EVENT_STORE), options.all === true, print)));
    });
}

/** Exit code 0 when no person is found twice, 1 when some are (a check a script can run). */
async function duplicatePersons(store: EventStore, all: boolean, print: Print): Promise<number> {
  const found = await findDuplicatePersons(store, all);
  if (found.length === 0) {
    print('No person is on more than one application.');
    return 0;
  }
  print(`${found.length} person(s) on more than one application:`);
  for (const person of found) {
    print(maskIin(person.iin));
    for (const on of person.applications)
      print(
        `  ${on.applicationId}  ${on.standing.padEnd(9)} ${on.role.padEnd(13)} ${on.field}  submitted ${on.submittedAt}`,
      );
  }
  return 1;
}
