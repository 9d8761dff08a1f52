import type { ApiResponseOptions } from '@nestjs/swagger';
import { getSchemaPath } from '@nestjs/swagger';
import { ProblemSchema } from '../http/openapi/problem.schema';
import { PROBLEM_CONTENT_TYPE } from '../http/problem';
import { object, oneOf, text } from '../http/openapi/json-schema';

export const SIGNATURE_HEADER = 'Kandas-Signature';
export const KEY_ID_HEADER = 'Kandas-Key-Id';

/** The PDF itself, its detached signature in the headers (ADR 29). */
export const DECISION_DOCUMENT_RESPONSE: ApiResponseOptions = {
  description:
    'The decision letter in Kazakh and Russian (PDF), rendered from the application’s events: the same bytes each time',
  headers: {
    [SIGNATURE_HEADER]: {
      description: "The service's Ed25519 signature over the PDF's bytes, base64 (detached)",
      schema: { type: 'string' },
    },
    [KEY_ID_HEADER]: {
      description: 'The id of the service key that signed it (`ed25519:` and 16 hex digits)',
      schema: { type: 'string' },
    },
  },
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

/** The same signature as a file to keep beside the PDF (`npm run cli -- verify-document` reads it). */
export const DOCUMENT_SIGNATURE_SCHEMA = object({
  keyId: text('The id of the service key that signed it'),
  algorithm: oneOf('Ed25519'),
  signature: text("Ed25519 over the PDF's bytes, base64"),
  sha256: text("SHA-256 of the PDF's bytes, hex"),
});

/** Not decided yet, or an inclusion whose subsidies are still being granted. */
export const NOT_ISSUED_RESPONSE: ApiResponseOptions = {
  status: 409,
  description:
    'DECISION_DOCUMENT.NOT_DECIDED: the application has no decision yet; DECISION_DOCUMENT.SUBSIDIES_PENDING: an inclusion whose subsidies the process is still granting (retry shortly)',
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemSchema) } } },
};
