import { ROLES } from '@libs/auth';
import type { Role } from '@libs/auth';
import { DOCUMENT_KINDS } from '@domain/application';
import { REFUSAL_GROUNDS_V1 } from '@domain/application/refusal-grounds';
import { REGION_CODES } from '@domain/shared/region';
import { ALL_ACCEPTED, APPLICANT_IIN, submissionBody } from '../../e2e/support/journeys';
import { E2E_START } from '../../e2e/support/e2e-app';

/**
 * What a field takes, so that the fuzzer can put in its place a value that is certainly refused —
 * by the request validation or by the domain — and never one that might still be valid.
 */
export type Kind =
  /** One of `valid`; the other members of `alsoParsed` get past the validation pipe and are refused by the domain here. */
  | { readonly t: 'enum'; readonly valid: readonly string[]; readonly alsoParsed?: readonly string[] }
  /** An IIN; `othersRefused`: another person's valid IIN is refused as well (the signer must be the applicant). */
  | { readonly t: 'iin'; readonly othersRefused: boolean }
  /** A part of a person's name (domain/shared/person-name.ts). */
  | { readonly t: 'name' }
  /** A calendar date not after today (birth dates, issue dates). */
  | { readonly t: 'pastDate' }
  /** A calendar date not before today (an expiry date). */
  | { readonly t: 'futureDate' }
  /** Any real calendar date, `yyyy-MM-dd`. */
  | { readonly t: 'date' }
  /** An ISO-8601 instant not after the submission. */
  | { readonly t: 'instant' }
  /** A string of a fixed format: phone, e-mail, SHA-256, country code, OTP code… `refused` are certainly not of it. */
  | { readonly t: 'pattern'; readonly refused: readonly string[] }
  /** Free text of `min`..`max` characters; `blankRefused`: the domain refuses blank text. */
  | { readonly t: 'text'; readonly min: number; readonly max: number; readonly blankRefused: boolean }
  /** An integer; `only`: the value of the valid body is the only one accepted here; else any in [min, max]. */
  | { readonly t: 'int'; readonly min: number; readonly max: number; readonly only: boolean }
  /** Must be `true`. */
  | { readonly t: 'true' }
  /** A nested object (every one has required fields, so `{}` is refused). */
  | { readonly t: 'object' }
  /** A list; `emptyRefused`: `[]` is refused too; `onlyEmpty`: only `[]` is accepted. */
  | { readonly t: 'array'; readonly max: number; readonly emptyRefused: boolean; readonly onlyEmpty?: boolean };

export interface Field {
  readonly kind: Kind;
  /** Absent (or null) might be valid: the field is never removed or nulled. */
  readonly optional?: boolean;
}

/** The state of the application a command is aimed at, chosen so that the valid body would be accepted there. */
export type Target = 'none' | 'submitted' | 'signed' | 'under-review' | 'quota' | 'dead-letter' | 'parked-notice';

export interface Endpoint {
  /** As the router registers it: `POST /applications/:id/otp`. */
  readonly route: string;
  /** An allowed role of the role matrix (test/e2e/roles.e2e.spec.ts). */
  readonly role: Role;
  readonly actorId?: string;
  readonly target: Target;
  /** The path, given the target's id. */
  readonly path: (id: string) => string;
  /** A body the command takes; undefined for the commands that take none. */
  readonly valid?: Record<string, unknown>;
  /** The kind of every field of `valid`, by pattern (`familyMembers[].name.lastName`). */
  readonly fields?: Readonly<Record<string, Field>>;
  /** The answer for a well-formed id that names nothing. */
  readonly unknownId?: readonly [status: number, code: string];
}

const f = (kind: Kind, optional = false): Field => ({ kind, optional });
const name = f({ t: 'name' });
const iin = f({ t: 'iin', othersRefused: false });
const pastDate = f({ t: 'pastDate' });
const object = f({ t: 'object' });
const text = (min: number, max: number, blankRefused = true, optional = false) =>
  f({ t: 'text', min, max, blankRefused }, optional);
const enumOf = (valid: readonly string[], alsoParsed: readonly string[] = []) => f({ t: 'enum', valid, alsoParsed });
const PHONES_REFUSED = [
  '87011234567',
  '+07011234567',
  '+7701',
  '+7 701 123 45 67',
  '+7701123456789012',
  '+7(701)1234567',
  '+７７０１２３４５６７',
  'tel:+77011234567',
];
const EMAILS_REFUSED = [
  'yerzhan',
  'yerzhan@',
  '@example.kz',
  'a@b',
  'a b@example.kz',
  'yerzhan@@example.kz',
  'yerzhan@example .kz',
];
const SHA_REFUSED = [
  'A'.repeat(64),
  'a'.repeat(63),
  'a'.repeat(65),
  'g'.repeat(64),
  `${'a'.repeat(63)} `,
  `0x${'a'.repeat(62)}`,
];
const COUNTRIES_REFUSED = ['mng', 'MN', 'MNGL', 'МНГ', 'M1G', ' MNG', 'MNG\n', 'Mng'];
const CODES_REFUSED = ['12345', '1234567', '12345a', '１２３４５６', ' 123456', '123 456', '-12345', '1e5000'];
const REFUSAL_CODES = REFUSAL_GROUNDS_V1.grounds.map((ground) => ground.code);
/** The fixture's reviewer: the one who took the application under review. */
export const REVIEWER = 'reviewer-1';
const reason = { reason: text(1, 1000) };

const SUBMISSION_FIELDS: Record<string, Field> = {
  channel: enumOf(['egov-portal', 'egov-mobile', 'con', 'enbek']),
  consent: object,
  'consent.given': f({ t: 'true' }),
  'consent.givenAt': f({ t: 'instant' }),
  // The other regions have no 2026 quota for kandas in the fuzzed store: refused by the domain.
  region: enumOf(['pavlodar'], REGION_CODES),
  // 2027 is a year one may apply for, but no quota is open for it.
  year: f({ t: 'int', min: 2026, max: 2026, only: true }),
  settlement: object,
  'settlement.kind': enumOf(['city', 'town', 'village']),
  'settlement.name': text(1, 200, false, true),
  applicant: object,
  'applicant.iin': iin,
  'applicant.name': object,
  'applicant.name.lastName': name,
  'applicant.name.firstName': name,
  'applicant.name.patronymic': f({ t: 'name' }, true),
  'applicant.nameLatin': f({ t: 'object' }, true),
  'applicant.nameLatin.lastName': name,
  'applicant.nameLatin.firstName': name,
  'applicant.birthDate': pastDate,
  'applicant.category': enumOf(['kandas'], ['resettler']),
  'applicant.kandasStatus': object,
  'applicant.kandasStatus.certificateNumber': text(1, 64),
  'applicant.kandasStatus.issuedOn': pastDate,
  'applicant.maritalStatus': enumOf(['married'], ['single', 'divorced', 'widowed']),
  'applicant.contacts': object,
  'applicant.contacts.phone': f({ t: 'pattern', refused: PHONES_REFUSED }),
  'applicant.contacts.email': f({ t: 'pattern', refused: EMAILS_REFUSED }, true),
  familyMembers: f({ t: 'array', max: 30, emptyRefused: false }),
  'familyMembers[]': object,
  'familyMembers[].relation': enumOf(['spouse', 'child', 'parent', 'sibling', 'grandchild', 'other']),
  'familyMembers[].name': object,
  'familyMembers[].name.lastName': name,
  'familyMembers[].name.firstName': name,
  'familyMembers[].birthDate': pastDate,
  'familyMembers[].iin': iin,
  'familyMembers[].foreignDocument': object,
  'familyMembers[].foreignDocument.kind': text(1, 64),
  'familyMembers[].foreignDocument.number': text(1, 64),
  'familyMembers[].foreignDocument.issuingCountry': f({ t: 'pattern', refused: COUNTRIES_REFUSED }),
  documents: f({ t: 'array', max: 60, emptyRefused: true }),
  'documents[]': object,
  'documents[].kind': enumOf(DOCUMENT_KINDS),
  'documents[].fileRef': text(1, 500),
  'documents[].sha256': f({ t: 'pattern', refused: SHA_REFUSED }),
  'documents[].issuedOn': f({ t: 'pastDate' }, true),
  'documents[].expiresOn': f({ t: 'futureDate' }, true),
};

/** The amendments of the law (ADR 22): every one carries its legal basis and effective day. */
function lawEndpoint(
  route: string,
  path: string,
  change: Record<string, unknown>,
  fields: Record<string, Field>,
): Endpoint {
  return {
    route,
    role: 'admin',
    target: 'none',
    path: () => path,
    valid: {
      ...change,
      legalBasis: {
        kind: 'order',
        number: '1',
        date: '2026-03-18',
        title: 'An order of the Minister of Labour',
        source: 'https://adilet.zan.kz/rus/docs/example',
      },
      takesEffectOn: '2027-01-01',
      reason: 'fuzzed',
    },
    fields: {
      ...fields,
      legalBasis: object,
      'legalBasis.kind': enumOf(['law', 'code', 'decree', 'resolution', 'order', 'announcement']),
      'legalBasis.number': text(1, 100, false, true),
      'legalBasis.date': f({ t: 'date' }),
      'legalBasis.title': text(1, 500),
      'legalBasis.source': f({ t: 'pattern', refused: ['http://adilet.zan.kz/', 'ftp://x.kz/', 'adilet.zan.kz'] }),
      takesEffectOn: f({ t: 'date' }),
      reason: text(1, 2000, true, true),
    },
  };
}

const yearDate = f({ t: 'pattern', refused: ['2025-08-31', '26-08-31', '2026-8-31', '2026-02-30'] });
const workingDays = f({ t: 'int', min: 1, max: 366, only: true }, true);

const LAW_ENDPOINTS: Endpoint[] = [
  lawEndpoint(
    'POST /admin/law/calendar/:year/days-off',
    '/admin/law/calendar/2026/days-off',
    { date: '2026-12-18', kind: 'holiday', name: 'A holiday', expectedWorkingDays: 246 },
    {
      date: yearDate,
      kind: enumOf(['holiday', 'non-moving', 'transfer']),
      name: text(1, 200, false),
      expectedWorkingDays: workingDays,
    },
  ),
  lawEndpoint(
    'POST /admin/law/calendar/:year/withdrawn-days-off',
    '/admin/law/calendar/2026/withdrawn-days-off',
    { date: '2026-12-16', expectedWorkingDays: 248 },
    { date: yearDate, expectedWorkingDays: workingDays },
  ),
  lawEndpoint(
    'POST /admin/law/calendar/:year/worked-days',
    '/admin/law/calendar/2026/worked-days',
    { date: '2026-12-16', expectedWorkingDays: 248 },
    { date: yearDate, expectedWorkingDays: workingDays },
  ),
  lawEndpoint(
    'POST /admin/law/calendar/:year/confirmation',
    '/admin/law/calendar/2027/confirmation',
    { expectedWorkingDays: 247 },
    { expectedWorkingDays: workingDays },
  ),
  lawEndpoint(
    'POST /admin/law/mci',
    '/admin/law/mci',
    { validFrom: '2027-01-01', value: 4500 },
    { validFrom: f({ t: 'date' }), value: f({ t: 'int', min: 1, max: 10_000_000, only: false }) },
  ),
];

const UUIDS_REFUSED = ['x', '123', '6f1d2a4e-2c1b-4f43-9a8e-3b1f0f6c2d1', '6f1d2a4e2c1b4f439a8e3b1f0f6c2d11', ' '];
const uuid = f({ t: 'pattern', refused: UUIDS_REFUSED });
const ADDED_DOCUMENTS = { title: 'Registration at the career centre', reference: 'files/registration.pdf' };
const documentsAdded: Record<string, Field> = {
  documentsAdded: f({ t: 'array', max: 20, emptyRefused: false }, true),
  'documentsAdded[]': object,
  'documentsAdded[].title': text(1, 300),
  'documentsAdded[].reference': text(1, 300),
};
const COMPLAINT = '7a2e3b5f-3d2c-4a54-8b9f-4c2a1a7d3e22';

/**
 * The hearing and the complaint (ADR 32). No refusal is proposed and no complaint is open on the
 * targets: the valid bodies are refused by the domain (NO_REFUSAL_PROPOSED, COMPLAINT_NOT_OPEN,
 * NOTHING_TO_COMPLAIN_OF, NOT_DECIDED), so every mutation is refused too.
 */
const HEARING_ENDPOINTS: Endpoint[] = [
  {
    route: 'POST /applications/:id/hearing',
    role: 'reviewer',
    actorId: REVIEWER,
    target: 'under-review',
    path: (id) => `/applications/${id}/hearing`,
    valid: {
      heldAt: E2E_START,
      attendance: 'attended',
      statement: 'The applicant showed the registration',
      documentsAdded: [ADDED_DOCUMENTS],
    },
    fields: {
      heldAt: f({ t: 'instant' }),
      attendance: enumOf(['attended', 'absent', 'in-writing']),
      statement: text(1, 4000),
      ...documentsAdded,
    },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/refusal/confirm',
    role: 'supervisor',
    target: 'under-review',
    path: (id) => `/applications/${id}/refusal/confirm`,
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/refusal/reopen',
    role: 'supervisor',
    target: 'under-review',
    path: (id) => `/applications/${id}/refusal/reopen`,
    valid: { reason: 'The registration was in time' },
    fields: reason,
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/complaints/:complaintId/satisfy',
    role: 'supervisor',
    target: 'signed',
    path: (id) => `/applications/${id}/complaints/${COMPLAINT}/satisfy`,
    valid: { remedy: 'include', reason: 'The registration was in time' },
    fields: { remedy: enumOf(['return-to-review', 'include']), reason: text(1, 2000) },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/complaints/:complaintId/reject',
    role: 'supervisor',
    target: 'signed',
    path: (id) => `/applications/${id}/complaints/${COMPLAINT}/reject`,
    valid: { reasons: 'The grounds stand' },
    fields: { reasons: text(1, 2000) },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/authority-decisions',
    role: 'supervisor',
    target: 'signed',
    path: (id) => `/applications/${id}/authority-decisions`,
    valid: {
      complaintId: COMPLAINT,
      authority: 'Committee for the quality of public services',
      documentNumber: '07-12/118',
      date: '2026-04-20',
      outcome: 'satisfied',
      remedy: 'include',
    },
    fields: {
      complaintId: f({ t: 'pattern', refused: UUIDS_REFUSED }, true),
      authority: text(1, 300),
      documentNumber: text(1, 64),
      date: f({ t: 'date' }),
      outcome: enumOf(['satisfied', 'rejected']),
      remedy: enumOf(['return-to-review', 'include']),
    },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /portal/applications/:id/objections',
    role: 'portal',
    actorId: 'egov',
    target: 'signed',
    path: (id) => `/portal/applications/${id}/objections`,
    valid: {
      objectionId: '6f1d2a4e-2c1b-4f43-9a8e-3b1f0f6c2d11',
      text: 'I was registered before the move',
      documentsAdded: [ADDED_DOCUMENTS],
    },
    fields: { objectionId: uuid, text: text(1, 4000), ...documentsAdded },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /portal/applications/:id/complaints',
    role: 'portal',
    actorId: 'egov',
    target: 'signed',
    path: (id) => `/portal/applications/${id}/complaints`,
    valid: { complaintId: COMPLAINT, against: 'refusal', text: 'The refusal ignores my registration' },
    fields: {
      complaintId: uuid,
      against: enumOf(['refusal', 'inclusion-amounts', 'missed-term']),
      text: text(1, 4000),
    },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
];

/**
 * Every command of the back office. The meta-test compares the routes with those the HTTP server
 * registers, so a new POST route fails the suite until it is listed here.
 */
// (`as unknown as Record<string, unknown>`: the typed submission as the plain JSON body the fuzzer mutates.)
/** An order id of the support (ADR 33); the fuzzed applications have none, so it names nothing. */
const ORDER = 'PO-3F1C2A4E8B7D4C1E-RL-1';
/** Not IBANs of Kazakhstan: another country, too short, a wrong check digit, letters where digits go. */
const IBANS_REFUSED = [
  'DE89370400440532013000',
  'KZ86125KZT500410010',
  'KZ86125KZT5004100101',
  'KZ8612AKZT5004100100',
  '',
];
/** A day of the support's commands, `yyyy-MM-dd`. */
const supportDate = f({ t: 'pattern', refused: ['2026-3-03', '03.03.2026', '2026-03-03T00:00:00Z', 'today'] });
const ARRIVAL = {
  settlement: { kind: 'town', name: 'Ekibastuz' },
  arrivedOn: '2026-03-02',
  registration: { address: 'Ekibastuz, Satpayev St 12', registeredOn: '2026-03-02' },
  iban: 'KZ86125KZT5004100100',
};

export const ENDPOINTS: readonly Endpoint[] = [
  {
    route: 'POST /applications',
    role: 'portal',
    actorId: 'egov',
    target: 'none',
    path: () => '/applications',
    valid: submissionBody() as unknown as Record<string, unknown>,
    fields: SUBMISSION_FIELDS,
  },
  {
    route: 'POST /applications/:id/otp',
    role: 'portal',
    actorId: 'egov',
    target: 'submitted',
    path: (id) => `/applications/${id}/otp`,
    valid: { signerIin: APPLICANT_IIN },
    fields: { signerIin: f({ t: 'iin', othersRefused: true }) },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    // No OTP request has this id: the signature is refused whatever the body, so every mutation is too.
    route: 'POST /applications/:id/sign',
    role: 'portal',
    actorId: 'egov',
    target: 'submitted',
    path: (id) => `/applications/${id}/sign`,
    valid: { method: 'otp', signerIin: APPLICANT_IIN, otpRequestId: 'otp-1', code: '123456' },
    fields: {
      method: enumOf([], ['otp', 'eds']),
      signerIin: f({ t: 'iin', othersRefused: true }),
      otpRequestId: text(0, 64, false),
      code: f({ t: 'pattern', refused: CODES_REFUSED }),
    },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/withdraw',
    role: 'portal',
    actorId: 'egov',
    target: 'signed',
    path: (id) => `/applications/${id}/withdraw`,
    valid: { reason: 'The family stays' },
    fields: reason,
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/review/start',
    role: 'reviewer',
    actorId: REVIEWER,
    target: 'signed',
    path: (id) => `/applications/${id}/review/start`,
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/review',
    role: 'reviewer',
    actorId: REVIEWER,
    target: 'under-review',
    path: (id) => `/applications/${id}/review`,
    valid: { verdict: 'eligible', findings: ALL_ACCEPTED, grounds: [] },
    fields: {
      verdict: enumOf(['eligible'], ['not-eligible']),
      // Every document is judged once: any other index leaves one unjudged.
      findings: f({ t: 'array', max: 60, emptyRefused: true }),
      'findings[]': object,
      'findings[].documentIndex': f({ t: 'int', min: 0, max: 59, only: true }),
      'findings[].accepted': f({ t: 'true' }),
      grounds: f({ t: 'array', max: 10, emptyRefused: false, onlyEmpty: true }),
    },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/reassign',
    role: 'supervisor',
    target: 'under-review',
    path: (id) => `/applications/${id}/reassign`,
    valid: { toReviewerId: 'reviewer-2', reason: 'On leave' },
    fields: { toReviewerId: text(1, 64), reason: text(1, 1000) },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/refuse',
    role: 'supervisor',
    target: 'signed',
    path: (id) => `/applications/${id}/refuse`,
    valid: { grounds: ['APPLICANT_NOT_ELIGIBLE'], explanation: 'No registration' },
    fields: {
      grounds: f({ t: 'array', max: 10, emptyRefused: true }),
      'grounds[]': enumOf(REFUSAL_CODES),
      explanation: text(1, 2000),
    },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/escalate',
    role: 'supervisor',
    target: 'under-review',
    path: (id) => `/applications/${id}/escalate`,
    valid: { reason: 'A second opinion' },
    fields: reason,
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /quotas/:region/:year/:category',
    role: 'admin',
    target: 'quota',
    path: () => '/quotas/pavlodar/2026/kandas',
    valid: { capacity: 977, order: { number: '12-01/412', date: '2025-12-12' } },
    fields: {
      capacity: f({ t: 'int', min: 0, max: 1_000_000, only: false }),
      order: object,
      'order.number': text(0, 64, false),
      'order.date': f({ t: 'date' }),
    },
  },
  {
    route: 'POST /applications/:id/subsidies',
    role: 'admin',
    target: 'signed',
    path: (id) => `/applications/${id}/subsidies`,
    valid: { kind: 'rent' },
    fields: { kind: enumOf(['relocation', 'rent']) },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/deadline',
    role: 'admin',
    target: 'signed',
    path: (id) => `/applications/${id}/deadline`,
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/sla/at-risk',
    role: 'admin',
    target: 'signed',
    path: (id) => `/applications/${id}/sla/at-risk`,
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/sla/breach',
    role: 'admin',
    target: 'signed',
    path: (id) => `/applications/${id}/sla/breach`,
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  { route: 'POST /admin/sla/fire-due', role: 'operator', target: 'none', path: () => '/admin/sla/fire-due' },
  // Signs the chain head into the checkpoint log (ADR 24): outside the store, so it appends no event.
  { route: 'POST /audit/checkpoints', role: 'auditor', target: 'none', path: () => '/audit/checkpoints' },
  // An admin's disclosure grant (ADR 26), expiring a week after the fuzzed store's clock (E2E_START).
  {
    route: 'POST /audit/disclosure-grants',
    role: 'admin',
    target: 'none',
    path: () => '/audit/disclosure-grants',
    valid: {
      grantee: 'auditor-3',
      selection: { stream: 'application-3f0c5a7e-8d1b-4c2e-9a6f-1b2c3d4e5f60' },
      reason: 'Prosecutor’s request No. 12-3',
      expiresAt: new Date(Date.parse(E2E_START) + 7 * 86_400_000).toISOString(),
    },
    fields: {
      grantee: text(1, 200),
      selection: object,
      'selection.stream': text(1, 200),
      reason: text(1, 2000),
      expiresAt: f({ t: 'pattern', refused: ['', 'tomorrow', '2020-01-01T00:00:00Z', '2099-01-01T00:00:00Z'] }),
    },
  },
  ...LAW_ENDPOINTS,
  ...HEARING_ENDPOINTS,

  // No event is parked in the fuzzed store: the only ids there are to aim at name nothing.
  {
    route: 'POST /admin/dead-letters/:eventId/retry',
    role: 'operator',
    target: 'dead-letter',
    path: (id) => `/admin/dead-letters/${id}/retry`,
    unknownId: [404, 'DEAD_LETTER.NOT_FOUND'],
  },
  // No notice is parked either (no portal endpoint is configured): the same holds.
  {
    route: 'POST /admin/notices/:noticeId/retry',
    role: 'operator',
    target: 'parked-notice',
    path: (id) => `/admin/notices/${id}/retry`,
    unknownId: [404, 'NOTICE.NOT_FOUND'],
  },
  // Issue 21 (ADR 33): the arrival, and the support the payments officers work. The fuzzed applications
  // are not included and have no support: the valid bodies are refused there too, never appended.
  ...(['portal', 'payments'] as const).map((role): Endpoint => ({
    route: role === 'portal' ? 'POST /portal/applications/:id/arrival' : 'POST /applications/:id/arrival',
    role,
    ...(role === 'portal' ? { actorId: 'egov' } : {}),
    target: 'signed',
    path: (id) => (role === 'portal' ? `/portal/applications/${id}/arrival` : `/applications/${id}/arrival`),
    valid: ARRIVAL,
    fields: {
      settlement: object,
      'settlement.kind': enumOf(['city', 'town', 'village']),
      'settlement.name': text(1, 200),
      arrivedOn: supportDate,
      registration: object,
      'registration.address': text(1, 500),
      'registration.registeredOn': supportDate,
      iban: f({ t: 'pattern', refused: IBANS_REFUSED }),
    },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  })),
  {
    route: 'POST /applications/:id/support/orders/:orderId/paid',
    role: 'payments',
    target: 'signed',
    path: (id) => `/applications/${id}/support/orders/${ORDER}/paid`,
    valid: { paidOn: '2026-03-03', bankReference: 'HB-1' },
    fields: { paidOn: supportDate, bankReference: text(1, 100) },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/support/orders/:orderId/returned',
    role: 'payments',
    target: 'signed',
    path: (id) => `/applications/${id}/support/orders/${ORDER}/returned`,
    valid: { returnedOn: '2026-03-03', reason: 'The account is closed' },
    fields: { returnedOn: supportDate, reason: text(1, 500) },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/support/orders/:orderId/reissue',
    role: 'payments',
    target: 'signed',
    path: (id) => `/applications/${id}/support/orders/${ORDER}/reissue`,
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/support/recipient',
    role: 'payments',
    target: 'signed',
    path: (id) => `/applications/${id}/support/recipient`,
    valid: { iban: 'KZ75125KZT2069100100' },
    fields: { iban: f({ t: 'pattern', refused: IBANS_REFUSED }) },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  {
    route: 'POST /applications/:id/support/stop',
    role: 'payments',
    target: 'signed',
    path: (id) => `/applications/${id}/support/stop`,
    valid: { reason: 'departed', effectiveOn: '2026-03-03' },
    fields: { reason: enumOf(['departed', 'renounced']), effectiveOn: supportDate },
    unknownId: [404, 'APPLICATION.NOT_FOUND'],
  },
  // The bank's answers file: a format error is a 400 naming the line; a valid file of an unknown order
  // is recorded as refused per line, nothing appended.
  {
    route: 'POST /payments/bank-answers',
    role: 'payments',
    target: 'none',
    path: () => '/payments/bank-answers',
    valid: {
      file: `order_id;application_id;status;date;bank_reference;reason\r\n${ORDER};3f1c2a4e-8b7d-4c1e-9a2f-0d5e6b7c8a91;paid;2026-03-03;HB-1;\r\n`,
    },
    fields: { file: text(1, 200_000) },
  },
  // Public, outside production only (ADR 31): the fuzzer's token is ignored. The user id's charset is
  // not fuzzed as a pattern: a few hostile strings (`__proto__`, `null`) are of it, and a valid id.
  {
    route: 'POST /auth/dev-sign-in',
    role: 'reviewer',
    target: 'none',
    path: () => '/auth/dev-sign-in',
    valid: { role: 'reviewer', userId: 'reviewer-1' },
    fields: { role: enumOf(ROLES), userId: text(1, 64) },
  },
];

/** The endpoints whose path names a resource by id. */
export const WITH_ID = ENDPOINTS.filter((endpoint) => endpoint.path('ID').includes('ID'));
