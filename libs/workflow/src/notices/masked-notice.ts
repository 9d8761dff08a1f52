import { maskPersonalText } from '@domain/shared/personal-data-mask';
import type { ListedNotice } from './notice-operations';

const MASK = '***';

/**
 * A notice as the roles that see personal data masked read it (ADR 26): a notice names no person,
 * but a refusal carries the reviewer's explanation, typed by hand, and its texts quote it verbatim
 * (rendered without escaping, ADR 28) — the explanation is masked in both, and the texts go through
 * the undeclared pass (anything shaped like an IIN, an e-mail or a phone).
 */
export function maskedNotice(notice: ListedNotice): ListedNotice {
  const data = notice.data as { readonly explanation?: unknown } | null;
  const explanation = typeof data?.explanation === 'string' && data.explanation !== '' ? data.explanation : null;
  const hide = (text: string) => maskPersonalText(explanation === null ? text : text.split(explanation).join(MASK));
  return {
    ...notice,
    data: explanation === null ? notice.data : { ...data, explanation: MASK },
    texts: { kk: hide(notice.texts.kk), ru: hide(notice.texts.ru) },
  };
}
