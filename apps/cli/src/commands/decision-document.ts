import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { keyIdOf, PUBLIC_KEY_FILE } from '@libs/auth';
import {
  AuditStreamNotFoundError,
  DecisionDocuments,
  DecisionNotTakenError,
  documentProblems,
  SubsidiesNotGrantedYetError,
} from '@libs/workflow';
import { localSecretsDirOf } from '@infra/config/runtime-config';
import type { CliContext } from './cli-context';
import { refuse } from './refuse';

/** `decision-document <id> --out <file>`: the signed decision letter (ADR 29), the PDF and `<file>.sig` beside it. */
export function addDecisionDocumentCommand(program: Command, { print, onWorkflow, exitWith }: CliContext): void {
  program
    .command('decision-document')
    .description(
      "write the application's decision letter in Kazakh and Russian (PDF, the same bytes as GET /applications/:id/decision-document) and its detached Ed25519 signature beside it (<file>.sig: keyId, algorithm, signature, sha256); exit 1 when the application is unknown or has no letter yet",
    )
    .argument('<application-id>')
    .requiredOption('--out <file>', 'where to write the PDF; the signature goes to <file>.sig')
    .action(async (id: string, options: { readonly out: string }) => {
      exitWith(
        await onWorkflow(async (app) => {
          try {
            const document = await app.get(DecisionDocuments).document(id);
            writeFileSync(options.out, document.pdf);
            writeFileSync(`${options.out}.sig`, `${JSON.stringify(document.signature, null, 2)}\n`);
            print(
              `Wrote decision № ${document.facts.decision.number} of ${document.facts.decision.date} (${document.facts.outcome}) to ${options.out} (${document.pdf.length} bytes).`,
            );
            print(`Signed with ${document.signature.keyId} (Ed25519) in ${options.out}.sig.`);
            return 0;
          } catch (error) {
            if (error instanceof AuditStreamNotFoundError) print(`No application ${id}.`);
            else if (error instanceof DecisionNotTakenError || error instanceof SubsidiesNotGrantedYetError)
              print(`No letter yet: ${error.message}.`);
            else throw error;
            return 1;
          }
        }),
      );
    });
}

interface VerifyDocumentOptions {
  readonly signature?: string;
  readonly publicKey?: string;
}

/** `verify-document <file>`: checks a decision letter offline against its signature: no store, no service. */
export function addVerifyDocumentCommand(program: Command, { print, exitWith }: CliContext): void {
  const command = program
    .command('verify-document')
    .description(
      "check a decision letter (PDF) offline against its detached signature with the service's public key: the key id, the SHA-256 and the Ed25519 signature over the file's bytes; exit 0 valid, 1 invalid (every problem listed), 2 bad arguments",
    )
    .argument('<file>', 'the decision letter (PDF)')
    .option('--signature <file.sig>', 'its signature (JSON); default: <file>.sig')
    .option(
      '--public-key <pem>',
      `the service's Ed25519 public key (SPKI PEM); default: ${PUBLIC_KEY_FILE} in the data folder (folder of KANDAS_READ_MODELS_FILE, ./data)`,
    );
  command.action((file: string, options: VerifyDocumentOptions) => {
    const signatureFile = options.signature ?? `${file}.sig`;
    const publicKeyFile = options.publicKey ?? join(localSecretsDirOf(process.env), PUBLIC_KEY_FILE);
    for (const [what, path] of [
      ['document', file],
      ['signature', signatureFile],
      ['public key', publicKeyFile],
    ] as const)
      if (!existsSync(path)) refuse(command, `no ${what} ${path}`);
    const publicKeyPem = readFileSync(publicKeyFile, 'utf8');
    if (!isPublicKey(publicKeyPem)) refuse(command, `${publicKeyFile} is not a public key in PEM`);
    const signature = jsonOf(readFileSync(signatureFile, 'utf8'));
    if (signature === undefined) refuse(command, `${signatureFile} is not JSON`);
    const problems = documentProblems(readFileSync(file), signature, publicKeyPem);
    if (problems.length === 0) print(`OK: ${file} is signed by ${keyIdOf(publicKeyPem)} (Ed25519, ${signatureFile}).`);
    else {
      print(`INVALID: ${file}`);
      for (const problem of problems) print(`  - ${problem}`);
    }
    exitWith(problems.length === 0 ? 0 : 1);
  });
}

function isPublicKey(pem: string): boolean {
  try {
    keyIdOf(pem);
    return true;
  } catch {
    return false;
  }
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
