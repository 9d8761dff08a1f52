import { maskPersonalText } from '@domain/shared/personal-data-mask';
import type { ListedNotice } from './notice-operations';

const MASK = '***';

/** The fields of a notice's data an officer typed by hand (NOTICE_PERSONAL_DATA declares the same). */
const FREE_TEXT = ['explanation', 'statement', 'reason', 'reasons'] as const;

type NoticeData = Record<string, unknown> & { readonly documentsAdded?: readonly { readonly title?: unknown }[] };

/**
 * A notice as the roles that see personal data masked read it (ADR 26): a notice names no person,
 * but a refusal carries the reviewer's explanation, a hearing's record its statement and documents,
 * a complaint's answer its reasons, typed by hand, and its texts quote them verbatim (rendered
 * without escaping, ADR 28) — each is masked in the data and in the texts, and the texts go through
 * the undeclared pass (anything shaped like an IIN, an e-mail or a phone).
 */
export function maskedNotice(notice: ListedNotice): ListedNotice {
  const data = notice.data as NoticeData | null;
  const typed = typedTexts(data);
  const hide = (text: string) =>
    maskPersonalText(typed.reduce((masked, typed) => masked.split(typed).join(MASK), text));
  return {
    ...notice,
    data: typed.length === 0 || data === null ? notice.data : maskedData(data),
    texts: { kk: hide(notice.texts.kk), ru: hide(notice.texts.ru) },
  };
}

function typedTexts(data: NoticeData | null): string[] {
  if (data === null) return [];
  const fields = FREE_TEXT.map((field) => data[field]);
  const titles = (data.documentsAdded ?? []).map((document) => document.title);
  return [...fields, ...titles].filter((value): value is string => typeof value === 'string' && value !== '');
}

function maskedData(data: NoticeData): NoticeData {
  const masked: Record<string, unknown> = { ...data };
  for (const field of FREE_TEXT) if (typeof data[field] === 'string' && data[field] !== '') masked[field] = MASK;
  if (data.documentsAdded)
    masked.documentsAdded = data.documentsAdded.map((document) => ({ ...document, title: MASK }));
  return masked;
}
