import { createHash } from 'node:crypto';
import type { ApplicationSubmission } from '@domain/application';
import { canonicalJson } from '@domain/shared/canonical-json';

/**
 * The digest the applicant signs: SHA-256 of the canonical JSON of the submitted content, as
 * lower-case hex. Computed here, at the edge, because the domain may not import node:crypto: a
 * SubmitApplication command carries it in, as commands carry the time. Every place that builds
 * that command (HTTP, the CLI seed, tests, benchmarks) calls this one function, so the bytes hashed
 * stay those of the events already stored.
 */
export function applicationDigest(submission: ApplicationSubmission): string {
  return createHash('sha256').update(canonicalJson(submission), 'utf8').digest('hex');
}
