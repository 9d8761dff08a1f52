import { Command, CommanderError } from 'commander';

/** Exit code of refused arguments, whether commander or a rule across options refuses them. */
export const BAD_ARGUMENTS = 2;

/** Refuses the arguments as commander refuses its own: one line on stderr, exit code 2, no stack. */
export function refuse(command: Command, reason: string): never {
  return command.error(`error: ${reason}`, { exitCode: BAD_ARGUMENTS, code: 'kandas.invalidArguments' });
}

/**
 * Parses `argv` (without the command's name) with a command's options and nothing else: its option
 * values, or commander's message when it refuses them. For checking a command's rules without
 * running it.
 */
export function optionValuesOf<T>(command: Command, argv: readonly string[]): T | string {
  command.exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.message;
    throw error;
  }
  return command.opts<T & Record<string, unknown>>();
}
