import 'reflect-metadata';
import { runCli } from './run-command';
import { withWorkflow } from './workflow-context';

/** Operators' and auditors' CLI: `npm run cli -- <command> [arguments]`; `help` lists the commands. */
runCli(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), withWorkflow).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
