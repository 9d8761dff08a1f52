import { constants, verify as verifySignature, X509Certificate } from 'node:crypto';
import { SignatureVerification } from '@domain/application';
import { certificateTime, isValidAt, oneLineName, parsePemCertificates } from './pem';

/** The reasons a verification fails, as they reach `SignatureVerification.reason`. */
export const EdsFailure = {
  MalformedCertificate: 'malformed certificate',
  MalformedSignature: 'malformed signature',
  MalformedSigningTime: 'malformed signing time',
  UnsupportedAlgorithm: 'unsupported signature algorithm',
  NotTrusted: 'certificate not issued by a trusted CA',
  NotValidAtSigningTime: 'certificate not valid at signing time',
  NoIin: 'certificate carries no IIN',
  OtherIin: 'certificate IIN differs from the signer',
  SignatureMismatch: 'signature does not match the application digest',
} as const;
export type EdsFailureReason = (typeof EdsFailure)[keyof typeof EdsFailure];

/** A detached signature over the application digest, and what it must prove. */
export interface EdsCheck {
  /** The signed message: this string, UTF-8 encoded (the 64-hex-digit SHA-256 of the application). */
  readonly digest: string;
  readonly signerIin: string;
  /** ISO-8601; every certificate of the chain must be valid at this instant. */
  readonly signedAt: string;
  /** RSA PKCS#1 v1.5, or ECDSA in DER or IEEE P1363 (r‖s, 64 bytes) form. */
  readonly signatureBase64: string;
  /** The signer's certificate first, then any intermediate CA certificates. */
  readonly certificatePem: string;
}

export type EdsAlgorithm = 'RSA-SHA256' | 'ECDSA-P256-SHA256';

const MAX_CERTIFICATE_PEM_CHARS = 64 * 1024;
const MAX_SIGNATURE_BASE64_CHARS = 8 * 1024;
const MAX_CHAIN_DEPTH = 5;
const MIN_RSA_BITS = 2048;
/** Kazakhstan's NCA writes the IIN in the subject's serialNumber (OID 2.5.4.5) as `IIN` + 12 digits. */
const SUBJECT_IIN = /^serialNumber=IIN(\d{12})$/;

/**
 * Verifies a detached EDS (ЭЦП) signature with node:crypto only: the certificate chains to a
 * configured trusted CA (directly or through intermediates sent in the bundle), every certificate of
 * the chain is valid at the signing time, the signer certificate carries the signer's IIN, and its
 * key signed the digest.
 *
 * Not checked here: revocation (no CRL/OCSP: that needs the network), key usage and policy
 * extensions (node:crypto does not expose them), and GOST 34.310 keys, which OpenSSL cannot verify.
 */
export class EdsVerifier {
  private readonly trusted: readonly X509Certificate[];

  constructor(trustedCas: readonly X509Certificate[]) {
    if (trustedCas.length === 0) throw new Error('EdsVerifier needs at least one trusted CA certificate');
    const notCa = trustedCas.find((certificate) => !certificate.ca);
    if (notCa) throw new Error(`trusted certificate "${oneLineName(notCa.subject)}" is not a CA certificate`);
    this.trusted = [...trustedCas];
  }

  /** Parses a PEM bundle of CA certificates; throws on anything but parsable CA certificates. */
  static fromPem(trustedCasPem: string): EdsVerifier {
    return new EdsVerifier(parsePemCertificates(trustedCasPem));
  }

  verify(check: EdsCheck): SignatureVerification {
    let bundle: X509Certificate[];
    try {
      if (typeof check.certificatePem !== 'string' || check.certificatePem.length > MAX_CERTIFICATE_PEM_CHARS)
        return fail(EdsFailure.MalformedCertificate);
      bundle = parsePemCertificates(check.certificatePem);
    } catch {
      return fail(EdsFailure.MalformedCertificate);
    }
    const [signer, ...intermediates] = bundle as [X509Certificate, ...X509Certificate[]];

    const signature = decodeBase64(check.signatureBase64);
    if (!signature) return fail(EdsFailure.MalformedSignature);
    const signedAt = typeof check.signedAt === 'string' ? new Date(check.signedAt) : new Date(Number.NaN);
    if (Number.isNaN(signedAt.getTime())) return fail(EdsFailure.MalformedSigningTime);

    const algorithm = algorithmOf(signer);
    if (algorithm === 'unsupported') return fail(EdsFailure.UnsupportedAlgorithm);

    const chain = this.chainToTrust(signer, intermediates);
    if (!chain) return fail(EdsFailure.NotTrusted);
    try {
      if (!chain.every((certificate) => isValidAt(certificate, signedAt)))
        return fail(EdsFailure.NotValidAtSigningTime);
    } catch {
      return fail(EdsFailure.MalformedCertificate);
    }

    const iins = subjectIins(signer);
    if (iins.length === 0) return fail(EdsFailure.NoIin);
    if (iins.some((iin) => iin !== check.signerIin)) return fail(EdsFailure.OtherIin);

    const data = Buffer.from(typeof check.digest === 'string' ? check.digest : '', 'utf8');
    let matches: boolean;
    try {
      matches =
        algorithm === 'RSA-SHA256'
          ? verifySignature('sha256', data, { key: signer.publicKey, padding: constants.RSA_PKCS1_PADDING }, signature)
          : verifySignature(
              'sha256',
              data,
              { key: signer.publicKey, dsaEncoding: signature.length === 64 ? 'ieee-p1363' : 'der' },
              signature,
            );
    } catch {
      return fail(EdsFailure.MalformedSignature);
    }
    if (!matches) return fail(EdsFailure.SignatureMismatch);

    return {
      valid: true,
      evidence: {
        certificateSerial: signer.serialNumber,
        certificateFingerprint256: signer.fingerprint256,
        issuer: oneLineName(signer.issuer),
        subjectIin: iins[0]!,
        validTo: certificateTime(signer.validTo).toISOString(),
        algorithm,
      },
    };
  }

  /** [signer, intermediates…, trusted CA], each issued and signed by the next; null when none exists. */
  private chainToTrust(signer: X509Certificate, intermediates: readonly X509Certificate[]): X509Certificate[] | null {
    const chain = [signer];
    let current = signer;
    for (let depth = 0; depth <= MAX_CHAIN_DEPTH; depth++) {
      const anchor = this.trusted.find((ca) => issuedBy(current, ca));
      if (anchor) return [...chain, anchor];
      const next = intermediates.find(
        (candidate) => candidate.ca && !chain.includes(candidate) && issuedBy(current, candidate),
      );
      if (!next) return null;
      chain.push(next);
      current = next;
    }
    return null;
  }
}

function issuedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  try {
    // checkIssued compares the names (and key identifiers); verify checks the issuer's signature.
    return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function algorithmOf(certificate: X509Certificate): EdsAlgorithm | 'unsupported' {
  try {
    const key = certificate.publicKey;
    if (key.asymmetricKeyType === 'rsa')
      return (key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_RSA_BITS ? 'RSA-SHA256' : 'unsupported';
    if (key.asymmetricKeyType === 'ec')
      return key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? 'ECDSA-P256-SHA256' : 'unsupported';
    return 'unsupported';
  } catch {
    // OpenSSL cannot load the key (e.g. a GOST key): nothing here can verify it.
    return 'unsupported';
  }
}

/**
 * The IINs in the subject's serialNumber attributes. Node prints one attribute a line and escapes
 * control characters, so a CN holding "\nserialNumber=IIN…" cannot forge a line.
 */
function subjectIins(certificate: X509Certificate): string[] {
  const iins = certificate.subject
    .split('\n')
    .flatMap((line) => line.split(' + '))
    .map((attribute) => SUBJECT_IIN.exec(attribute)?.[1])
    .filter((iin): iin is string => iin !== undefined);
  return [...new Set(iins)];
}

function decodeBase64(value: unknown): Buffer | null {
  if (typeof value !== 'string' || value.length > MAX_SIGNATURE_BASE64_CHARS) return null;
  const compact = value.replace(/\s+/g, '');
  if (compact === '' || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

function fail(reason: EdsFailureReason): SignatureVerification {
  return { valid: false, reason, evidence: {} };
}
