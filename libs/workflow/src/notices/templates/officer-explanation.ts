import type { NoticeTemplate } from './notice-template';

const EXPLANATION_LINE = { kk: 'Түсіндірме: {{explanation}}\n', ru: 'Пояснение: {{explanation}}\n' } as const;

/**
 * The next version of a refusal's template, saying the explanation only when an officer wrote one
 * (the process's own English words never reach the applicant: the grounds are listed by their
 * titles, and the seats, when a full quota is the ground, by `seats`), with what the line is
 * followed by in each language.
 */
export function withOfficerExplanationOnly(
  template: NoticeTemplate,
  after: { readonly kk: string; readonly ru: string } = { kk: '', ru: '' },
): NoticeTemplate {
  const rewrite = (language: 'kk' | 'ru'): string => {
    const line = EXPLANATION_LINE[language];
    if (!template[language].includes(line)) throw new Error(`${template.id}@${template.version}: no explanation line`);
    return template[language].replace(line, `{{#if explanation}}${line}{{/if}}${after[language]}`);
  };
  return { ...template, version: template.version + 1, kk: rewrite('kk'), ru: rewrite('ru') };
}
