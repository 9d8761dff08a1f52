import type { NoticeContent } from './notice';

/** Issue a notice with this content; the adapter derives its id from the cause and renders its texts. */
export interface IssueNoticeIntent {
  readonly kind: 'issue-notice';
  readonly content: NoticeContent;
}

/** Why an event gives the applicant nothing to learn (yet): a stable code and the reason in words. */
export interface NoNotice {
  readonly kind: 'no-notice';
  readonly code:
    | 'NOT_FOR_THE_APPLICANT'
    | 'NOTHING_THE_APPLICANT_SEES_CHANGED'
    | 'WAITING_FOR_THE_OTHER_SUBSIDY'
    | 'WAITING_FOR_THE_ACCEPTANCE';
  readonly because: string;
}

export type NoticeIntent = IssueNoticeIntent | NoNotice;

export const issueNotice = (content: NoticeContent): IssueNoticeIntent => ({ kind: 'issue-notice', content });

export const noNotice = (code: NoNotice['code'], because: string): NoNotice => ({ kind: 'no-notice', code, because });
