import { X509Certificate } from 'node:crypto';

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;

export class PemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PemError';
  }
}

/**
 * Every `CERTIFICATE` block of a PEM text, parsed, in order. Throws a PemError when the text holds
 * no block, a block of another kind (a private key in a certificate bundle is a mistake worth
 * stopping for), an unterminated block, or a block OpenSSL cannot parse.
 */
export function parsePemCertificates(text: string): X509Certificate[] {
  const certificates: X509Certificate[] = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    const [block, label, , endLabel] = match;
    if (label !== endLabel) throw new PemError(`PEM block BEGIN ${label} ends with END ${endLabel}`);
    if (label !== 'CERTIFICATE') throw new PemError(`unexpected PEM block "${label}" (only CERTIFICATE is accepted)`);
    try {
      certificates.push(new X509Certificate(block));
    } catch (error) {
      throw new PemError(`certificate #${certificates.length + 1} cannot be parsed: ${(error as Error).message}`);
    }
  }
  const begins = (text.match(/-----BEGIN /g) ?? []).length;
  if (begins !== certificates.length) throw new PemError('unterminated PEM block');
  if (certificates.length === 0) throw new PemError('no PEM certificate found');
  return certificates;
}

/** A distinguished name as Node prints it (one `key=value` a line), on one line for evidence and logs. */
export function oneLineName(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

/** Node 20 prints X.509 times as `Jan  1 00:00:00 2026 GMT`; V8 parses that form. */
export function certificateTime(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new PemError(`unreadable certificate time "${value}"`);
  return date;
}

export function isValidAt(certificate: X509Certificate, instant: Date): boolean {
  return certificateTime(certificate.validFrom) <= instant && instant <= certificateTime(certificate.validTo);
}
