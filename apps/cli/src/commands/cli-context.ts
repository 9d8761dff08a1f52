import type { INestApplicationContext } from '@nestjs/common';

/** Runs one command on the workflow: booted for it by the CLI, a spec's own in the specs. */
export type OnWorkflow = (use: (app: INestApplicationContext) => Promise<number>) => Promise<number>;

/** What every command runs with. */
export interface CliContext {
  /** Prints a line of the command's output (stdout). */
  readonly print: (line: string) => void;
  readonly onWorkflow: OnWorkflow;
  /** Records the command's exit code; the caller exits once everything is closed. */
  readonly exitWith: (code: number) => void;
}
