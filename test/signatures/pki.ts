// tsyringe (under @peculiar/x509) needs the Reflect metadata polyfill loaded first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { KeyObject, randomBytes, sign, webcrypto } from 'node:crypto';

/**
 * A small test PKI, generated in memory with WebCrypto and @peculiar/x509 (test-only dependency):
 * production code verifies with node:crypto alone.
 */
x509.cryptoProvider.set(webcrypto);
const subtle = webcrypto.subtle;

export type KeyKind = 'rsa' | 'ec' | 'ec-p384';

const ALGORITHMS = {
  rsa: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  ec: { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' },
  'ec-p384': { name: 'ECDSA', namedCurve: 'P-384', hash: 'SHA-384' },
} as const;

type Keys = { publicKey: webcrypto.CryptoKey; privateKey: webcrypto.CryptoKey };

export interface Issued {
  readonly pem: string;
  readonly certificate: x509.X509Certificate;
  readonly keys: Keys;
  readonly kind: KeyKind;
}

/** A distinguished name as @peculiar/x509 takes it: [{ CN: ['…'] }, { '2.5.4.5': ['IIN…'] }, …]. */
export type Name = { [attribute: string]: string[] }[];

export interface CertificateSpec {
  readonly subject: Name;
  readonly kind: KeyKind;
  readonly notBefore: string;
  readonly notAfter: string;
  /** Absent: self-signed. */
  readonly issuer?: Issued;
  readonly ca?: boolean;
  /** Sign with this key but name `issuer` as the issuer, and leave out the key identifiers (a forgery). */
  readonly forgedWith?: Issued;
  readonly keys?: Keys;
}

export async function generateKeys(kind: KeyKind): Promise<Keys> {
  return await subtle.generateKey(ALGORITHMS[kind], true, ['sign', 'verify']);
}

export async function issue(spec: CertificateSpec): Promise<Issued> {
  const keys = spec.keys ?? (await generateKeys(spec.kind));
  const signer = spec.forgedWith ?? spec.issuer;
  const signingKeys = signer ? signer.keys : keys;
  const signingKind = signer ? signer.kind : spec.kind;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(spec.ca ?? false, undefined, true),
    new x509.KeyUsagesExtension(
      spec.ca
        ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
        : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
      true,
    ),
  ];
  if (!spec.forgedWith) {
    extensions.push(await x509.SubjectKeyIdentifierExtension.create(keys.publicKey));
    if (spec.issuer)
      extensions.push(await x509.AuthorityKeyIdentifierExtension.create(spec.issuer.certificate.publicKey));
  }
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: '01' + randomBytes(8).toString('hex'),
    subject: spec.subject,
    issuer: spec.issuer ? spec.issuer.certificate.subject : spec.subject,
    notBefore: new Date(spec.notBefore),
    notAfter: new Date(spec.notAfter),
    publicKey: keys.publicKey,
    signingKey: signingKeys.privateKey,
    signingAlgorithm: ALGORITHMS[signingKind],
    extensions,
  });
  return { pem: certificate.toString('pem'), certificate, keys, kind: spec.kind };
}

/** A detached signature over the digest string (UTF-8); ECDSA in DER unless asked for r‖s. */
export function signDigest(signer: Issued, digest: string, dsaEncoding: 'der' | 'ieee-p1363' = 'der'): string {
  const key = KeyObject.from(signer.keys.privateKey);
  return sign('sha256', Buffer.from(digest, 'utf8'), signer.kind === 'rsa' ? key : { key, dsaEncoding }).toString(
    'base64',
  );
}

export function subjectWith(commonName: string, iin?: string): Name {
  return [{ C: ['KZ'] }, { CN: [commonName] }, ...(iin ? [{ '2.5.4.5': [`IIN${iin}`] }] : [])];
}
