import { INestApplicationContext } from '@nestjs/common';
import { CommanderError } from 'commander';
import { cliProgram } from './commands/cli-program';
import type { OnWorkflow } from './commands/cli-context';
import { BAD_ARGUMENTS } from './commands/refuse';

type Print = (line: string) => void;

/**
 * Parses the arguments and runs one command; returns the process exit code: the command's own, 0
 * after help, 2 when commander or a command refuses the arguments (commander has then written its
 * help or its one-line refusal itself).
 */
export async function runCli(argv: readonly string[], print: Print, onWorkflow: OnWorkflow): Promise<number> {
  let code = 0;
  const program = cliProgram({ print, onWorkflow, exitWith: (exitCode: number) => (code = exitCode) });
  try {
    // Without a command, the help, as `help` gives it (on stdout, exit 0).
    await program.parseAsync(argv.length === 0 ? ['help'] : [...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : BAD_ARGUMENTS;
    throw error;
  }
  return code;
}

/** Runs one command on a workflow already started (the specs' harness). */
export function runCommand(app: INestApplicationContext, argv: readonly string[], print: Print): Promise<number> {
  return runCli(argv, print, (use) => use(app));
}
