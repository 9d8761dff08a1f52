export const DOCUMENT_KINDS = [
  'passport-copy',
  'notarised-translation-kk',
  'notarised-translation-ru',
  'marriage-certificate',
  'divorce-certificate',
  'education',
  'qualification',
  'work-experience',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/**
 * Which documents a package must hold. FACTS.md ("The service"): a passport copy with a notarised
 * translation into Kazakh and Russian; marriage or divorce certificates if any (a divorce within
 * the last 36 months needs its certificate); documents on education, qualification and work
 * experience. Whether each of the last three is mandatory for everyone is not spelled out in what
 * could be read of the law, so it is data an administrator can change; the default asks for
 * education and leaves qualification and work experience to the applicant's situation.
 */
export interface DocumentPolicy {
  readonly version: string;
  readonly alwaysRequired: readonly DocumentKind[];
  /** Months after a divorce during which its certificate is required. */
  readonly divorceCertificateMonths: number;
  /** Kinds that must carry an expiry date (an identity document without one cannot be checked). */
  readonly expiryRequired: readonly DocumentKind[];
}

export const DEFAULT_DOCUMENT_POLICY: DocumentPolicy = {
  version: '2026.1',
  alwaysRequired: ['passport-copy', 'notarised-translation-kk', 'notarised-translation-ru', 'education'],
  divorceCertificateMonths: 36,
  expiryRequired: ['passport-copy'],
};
