import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTrustedCas, parseTrustedCas, TrustedCaError } from '@infra/signatures';
import { Issued, issue } from './pki';

const VARIABLE = 'KANDAS_TRUSTED_CA_FILE';

describe('loadTrustedCas: the trusted CA certificates, read once at start-up', () => {
  let rootA: Issued;
  let rootB: Issued;
  let leaf: Issued;
  let dir: string;

  beforeAll(async () => {
    const life = { notBefore: '2020-01-01T00:00:00Z', notAfter: '2040-01-01T00:00:00Z' };
    rootA = await issue({ subject: [{ CN: ['Root A'] }], kind: 'ec', ca: true, ...life });
    rootB = await issue({ subject: [{ CN: ['Root B'] }], kind: 'ec', ca: true, ...life });
    leaf = await issue({ subject: [{ CN: ['Not a CA'] }], kind: 'ec', issuer: rootA, ...life });
    dir = mkdtempSync(join(tmpdir(), 'kandas-trusted-cas-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  const subjects = (path: string) => loadTrustedCas(VARIABLE, { [VARIABLE]: path }).map((c) => c.subject);

  it('reads a PEM bundle file', () => {
    expect(subjects(write('bundle.pem', `# trusted roots\n${rootA.pem}\n${rootB.pem}\n`))).toEqual([
      'CN=Root A',
      'CN=Root B',
    ]);
  });

  it('reads every .pem/.crt/.cer file of a directory, in name order, ignoring other files', () => {
    write('cas/b.crt', rootB.pem);
    write('cas/a.pem', rootA.pem);
    write('cas/README.txt', 'not a certificate');
    expect(subjects(join(dir, 'cas'))).toEqual(['CN=Root A', 'CN=Root B']);
  });

  it('fails loudly when the variable is unset or empty', () => {
    expect(() => loadTrustedCas(VARIABLE, {})).toThrow(TrustedCaError);
    expect(() => loadTrustedCas(VARIABLE, { [VARIABLE]: ' ' })).toThrow(/KANDAS_TRUSTED_CA_FILE/);
  });

  it('fails loudly on a missing path or an empty directory', () => {
    expect(() => subjects(join(dir, 'nowhere.pem'))).toThrow(/cannot read/);
    mkdirSync(join(dir, 'empty'));
    expect(() => subjects(join(dir, 'empty'))).toThrow(/no \.pem/);
  });

  it.each([
    ['no PEM at all', 'just text', /no PEM certificate/],
    ['a corrupt certificate', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', /cannot be parsed/],
    ['a private key', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', /PRIVATE KEY/],
    ['an unterminated block', '-----BEGIN CERTIFICATE-----\nMIIB\n', /unterminated/],
  ])('fails loudly on a file with %s', (name, text, message) => {
    const path = write(`bad-${name.replace(/\W+/g, '-')}.pem`, text);
    expect(() => subjects(path)).toThrow(TrustedCaError);
    expect(() => subjects(path)).toThrow(message);
  });

  it('refuses a certificate that is not a CA', () => {
    expect(() => parseTrustedCas(`${rootA.pem}\n${leaf.pem}`, 'bundle')).toThrow(
      /bundle: "CN=Not a CA" is not a CA certificate/,
    );
  });
});
