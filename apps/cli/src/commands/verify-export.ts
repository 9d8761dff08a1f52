import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { keyIdOf, PUBLIC_KEY_FILE } from '@libs/auth';
import { ExportInputError, printExportVerification, verifyExportFile } from '@libs/workflow';
import { localSecretsDirOf } from '@infra/config/runtime-config';
import type { CliContext } from './cli-context';
import { refuse } from './refuse';

interface VerifyExportOptionValues {
  readonly publicKey?: string;
  readonly manifest?: string;
}

/**
 * `verify-export <file>`: checks a received export offline (ADR 25) — no store, no service, no
 * workflow booted; only the file, its manifest and the service's public key.
 */
export function addVerifyExportCommand(program: Command, { print, exitWith }: CliContext): void {
  const command = program
    .command('verify-export')
    .description(
      "check a received export offline against its signed manifest with the service's public key: every row's hashes, the chain, the count, first and last position, the order, and the embedded checkpoint's signature; exit 0 valid, 1 invalid (every problem listed), 2 bad arguments",
    )
    .argument('<file>', 'the export: JSON Lines (manifest as last line) or CSV')
    .option(
      '--public-key <pem>',
      `the service's Ed25519 public key (SPKI PEM); default: ${PUBLIC_KEY_FILE} in the data folder (folder of KANDAS_READ_MODELS_FILE, ./data)`,
    )
    .option('--manifest <file>', 'the signed manifest; default: the last JSON line, or <file>.manifest.json for CSV');
  command.action(async (file: string, options: VerifyExportOptionValues) => {
    const publicKeyFile = options.publicKey ?? join(localSecretsDirOf(process.env), PUBLIC_KEY_FILE);
    const publicKeyPem = publicKeyFrom(command, publicKeyFile);
    try {
      const verification = await verifyExportFile({ file, manifestFile: options.manifest, publicKeyPem });
      exitWith(printExportVerification(file, verification, print));
    } catch (error) {
      if (error instanceof ExportInputError) refuse(command, error.message);
      throw error;
    }
  });
}

function publicKeyFrom(command: Command, file: string): string {
  if (!existsSync(file)) refuse(command, `no public key ${file} (give it with --public-key <pem>)`);
  const pem = readFileSync(file, 'utf8');
  try {
    keyIdOf(pem);
  } catch {
    refuse(command, `${file} is not a public key in PEM`);
  }
  return pem;
}
