import { Command } from 'commander';
import { addAuditCommands } from './audit';
import { addCheckpointCommand } from './checkpoint';
import type { CliContext } from './cli-context';
import { addDeadLettersCommand } from './dead-letters';
import { addDecisionDocumentCommand, addVerifyDocumentCommand } from './decision-document';
import { addExportCommand } from './export';
import { addGrantDisclosureCommand } from './grant-disclosure';
import { addLawCommands } from './law';
import { addNoticesCommand } from './notices';
import { addPortalReceiverCommand } from './portal-receiver';
import { addRebuildCommand } from './rebuild';
import { addDecisionCommand } from './story';
import { addReportCommand } from './report';
import { addSeedCommand } from './seed';
import { addTokenCommand } from './token';
import { recordingAuditReads } from './recorded-reads';
import { addVerifyCommand } from './verify';
import { addVerifyExportCommand } from './verify-export';
import { addVerifyAccessCommand } from './verify-access';

/**
 * The operators' and auditors' CLI: one commander Command per subcommand, each with its options,
 * checks and `--help`. Commands print through the context and record their exit code with it;
 * commander writes help (stdout) and refusals (stderr) itself, then throws instead of exiting
 * (exitOverride), so the caller decides the exit code.
 */
export function cliProgram(cliContext: CliContext): Command {
  const program = new Command('npm run cli --')
    .description("Operators' and auditors' CLI of the kandas regional quota workflow")
    .exitOverride();
  const context = recordingAuditReads(program, cliContext);
  addTokenCommand(program, context);
  addVerifyCommand(program, context);
  addCheckpointCommand(program, context);
  addDeadLettersCommand(program, context);
  addSeedCommand(program, context);
  addAuditCommands(program, context);
  addDecisionCommand(program, context);
  addExportCommand(program, context);
  addVerifyExportCommand(program, context);
  addGrantDisclosureCommand(program, context);
  addVerifyAccessCommand(program, context);
  addDecisionDocumentCommand(program, context);
  addVerifyDocumentCommand(program, context);
  addRebuildCommand(program, context);
  addReportCommand(program, context);
  addLawCommands(program, context);
  addNoticesCommand(program, context);
  addPortalReceiverCommand(program, context);
  return program;
}
