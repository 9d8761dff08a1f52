import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { oneLineName, parsePemCertificates } from './pem';

/** The file names read from a trusted-CA directory; anything else there is ignored. */
const CA_FILE = /\.(pem|crt|cer)$/i;

export class TrustedCaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrustedCaError';
  }
}

/**
 * Loads the trusted CA certificates at start-up from the file (a PEM bundle) or the directory (every
 * `*.pem`, `*.crt`, `*.cer` in it, not recursive) named by the environment variable `variable`, e.g.
 * `KANDAS_TRUSTED_CA_FILE`. Throws a TrustedCaError — so the process does not start — when the
 * variable is unset, the path is unreadable, nothing is found, or any block is not a parsable
 * CA certificate.
 */
export function loadTrustedCas(variable: string, env: NodeJS.ProcessEnv = process.env): X509Certificate[] {
  const path = env[variable];
  if (path === undefined || path.trim() === '')
    throw new TrustedCaError(
      `Environment variable ${variable}: must name a PEM file or a directory of trusted CA certificates`,
    );
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => CA_FILE.test(name))
          .sort()
          .map((name) => join(path, name))
      : [path];
  } catch (error) {
    throw new TrustedCaError(`Environment variable ${variable}: cannot read ${path}: ${(error as Error).message}`);
  }
  if (files.length === 0)
    throw new TrustedCaError(`Environment variable ${variable}: no .pem, .crt or .cer file in ${path}`);
  return files.flatMap((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new TrustedCaError(`trusted CA file ${file}: ${(error as Error).message}`);
    }
    return parseTrustedCas(text, file);
  });
}

/** Parses a PEM bundle of trusted CA certificates; `source` names it in the error. */
export function parseTrustedCas(pem: string, source = 'trusted CA PEM'): X509Certificate[] {
  let certificates: X509Certificate[];
  try {
    certificates = parsePemCertificates(pem);
  } catch (error) {
    throw new TrustedCaError(`${source}: ${(error as Error).message}`);
  }
  for (const certificate of certificates) {
    if (!certificate.ca)
      throw new TrustedCaError(
        `${source}: "${oneLineName(certificate.subject)}" is not a CA certificate (basicConstraints cA is not set)`,
      );
  }
  return certificates;
}
