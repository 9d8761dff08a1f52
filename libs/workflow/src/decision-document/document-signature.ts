import { hash } from 'node:crypto';
import { keyIdOf, verifyDetached, type ServiceSigningKey } from '@libs/auth';

export const DOCUMENT_SIGNATURE_ALGORITHM = 'Ed25519';

/**
 * A detached signature kept beside a decision document (`<file>.sig`, and `GET …/decision-document.sig`):
 * the service's Ed25519 signature over the PDF's bytes, the key that made it, and the bytes' SHA-256
 * so a reader sees at once which file it belongs to.
 */
export interface DocumentSignature {
  readonly keyId: string;
  readonly algorithm: typeof DOCUMENT_SIGNATURE_ALGORITHM;
  /** Base64. */
  readonly signature: string;
  /** Hex. */
  readonly sha256: string;
}

export function signDocument(key: ServiceSigningKey, pdf: Uint8Array): DocumentSignature {
  return {
    keyId: key.keyId,
    algorithm: DOCUMENT_SIGNATURE_ALGORITHM,
    signature: key.sign(pdf),
    sha256: hash('sha256', pdf, 'hex'),
  };
}

/** Each reason a document does not verify; none when it does. */
export type DocumentProblem =
  | 'the signature file is not a decision document signature'
  | 'the algorithm is not Ed25519'
  | 'the signature was made with another key'
  | "the file's SHA-256 differs from the signature's"
  | 'the signature does not match the file';

/** Checks a document against its signature with the service's public key alone (offline). */
export function documentProblems(pdf: Uint8Array, signature: unknown, publicKeyPem: string): DocumentProblem[] {
  if (!isDocumentSignature(signature)) return ['the signature file is not a decision document signature'];
  const problems: DocumentProblem[] = [];
  if (signature.algorithm !== DOCUMENT_SIGNATURE_ALGORITHM) problems.push('the algorithm is not Ed25519');
  if (signature.keyId !== keyIdOf(publicKeyPem)) problems.push('the signature was made with another key');
  if (signature.sha256 !== hash('sha256', pdf, 'hex')) problems.push("the file's SHA-256 differs from the signature's");
  if (!verifyDetached(publicKeyPem, pdf, signature.signature)) problems.push('the signature does not match the file');
  return problems;
}

function isDocumentSignature(value: unknown): value is DocumentSignature {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return ['keyId', 'algorithm', 'signature', 'sha256'].every((field) => typeof fields[field] === 'string');
}
