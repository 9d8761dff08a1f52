import type { NoticeKind } from '@domain/notices';

/**
 * One version of a notice's text in the two languages of the applicant (Handlebars, rendered by
 * `NoticeRenderer`). A change of wording is a new version; the old one stays, so a notice names the
 * exact template its texts came from.
 */
export interface NoticeTemplate {
  readonly id: NoticeKind;
  readonly version: number;
  readonly kk: string;
  readonly ru: string;
}
