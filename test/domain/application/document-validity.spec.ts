import { DEFAULT_DOCUMENT_POLICY, judgeDocuments } from '@domain/application';
import { kandasFamily } from './fixtures';

describe('the validity of each document on the day of submission', () => {
  const submission = kandasFamily();

  it('given a complete package in force, judges every attached document valid, by its index', () => {
    const judged = judgeDocuments(submission, '2026-03-02T05:00:00.000Z', DEFAULT_DOCUMENT_POLICY);
    expect(judged.map((d) => [d.index, d.kind, d.validity])).toEqual(
      submission.documents.map((d, index) => [index, d.kind, 'valid']),
    );
  });

  it('given a passport past its expiry on the day (in Almaty), judges it expired', () => {
    const documents = submission.documents.map((d) =>
      d.kind === 'passport-copy' ? { ...d, expiresOn: '2026-03-01' } : d,
    );
    const judged = judgeDocuments({ ...submission, documents }, '2026-03-01T19:30:00.000Z', DEFAULT_DOCUMENT_POLICY);
    // 19:30 UTC on 1 March is 00:30 on 2 March in Almaty: the passport expired the day before.
    expect(judged.find((d) => d.kind === 'passport-copy')?.validity).toBe('expired');
  });

  it('given a required kind not attached, lists it as missing, with no index', () => {
    const documents = submission.documents.filter((d) => d.kind !== 'education');
    const judged = judgeDocuments({ ...submission, documents }, '2026-03-02T05:00:00.000Z', DEFAULT_DOCUMENT_POLICY);
    expect(judged.at(-1)).toEqual({
      index: null,
      kind: 'education',
      issuedOn: null,
      expiresOn: null,
      fileRef: null,
      sha256: null,
      validity: 'missing',
    });
  });

  it('given an unknown policy version, judges expiry only: what it required cannot be said', () => {
    const documents = submission.documents.filter((d) => d.kind !== 'education');
    const judged = judgeDocuments({ ...submission, documents }, '2026-03-02T05:00:00.000Z', undefined);
    expect(judged.every((d) => d.validity === 'valid')).toBe(true);
  });
});
