import Handlebars from 'handlebars';
import type { NoticeContent, NoticeTexts, TemplateRef } from '@domain/notices';
import { almatyDate, almatyDateTime, formatTenge } from '../audit/timeline/almaty-format';
import { CURRENT_TEMPLATES, NOTICE_TEMPLATES, type NoticeTemplate } from './templates';

type Language = keyof NoticeTexts;
type Compiled = (data: unknown) => string;

/**
 * Renders a notice's texts from its versioned templates (ADR 28). Handlebars, isolated from its
 * global instance: `strict` makes a field the data lacks an error instead of an empty gap, and
 * nothing is HTML-escaped (the texts are plain text; the portal escapes where it displays them).
 * Plurals follow CLDR through `Intl.PluralRules` of the template's language; instants are written on
 * the Almaty wall clock (`dateTime`), a closed set's value as its word (`choose`).
 */
export class NoticeRenderer {
  private readonly compiled = new Map<string, Compiled>();

  constructor(private readonly templates: readonly NoticeTemplate[] = NOTICE_TEMPLATES) {}

  /** The texts of a new notice, from the current version of its kind's template. */
  render(content: NoticeContent): { template: TemplateRef; texts: NoticeTexts } {
    const template = CURRENT_TEMPLATES[content.kind];
    return { template: { id: template.id, version: template.version }, texts: this.renderWith(template, content) };
  }

  /** The texts a given template version gives for the data (a stored notice re-rendered, for a check). */
  renderWith(template: NoticeTemplate, content: NoticeContent): NoticeTexts {
    return { kk: this.text(template, 'kk', content.data), ru: this.text(template, 'ru', content.data) };
  }

  templateOf(ref: TemplateRef): NoticeTemplate | undefined {
    return this.templates.find((template) => template.id === ref.id && template.version === ref.version);
  }

  private text(template: NoticeTemplate, language: Language, data: unknown): string {
    const key = `${template.id}@${template.version}/${language}`;
    let compiled = this.compiled.get(key);
    if (!compiled) {
      compiled = handlebarsFor(language).compile(template[language], { strict: true, noEscape: true });
      this.compiled.set(key, compiled);
    }
    return compiled(data);
  }
}

const instances = new Map<Language, typeof Handlebars>();

function handlebarsFor(language: Language): typeof Handlebars {
  const existing = instances.get(language);
  if (existing) return existing;
  const instance = Handlebars.create();
  const plurals = new Intl.PluralRules(language);
  instance.registerHelper('date', (day: string) => almatyDate(day));
  instance.registerHelper('dateTime', (instant: string) => almatyDateTime(instant));
  // One word per value of a closed set (a hearing's way, a remedy): a value without its word fails,
  // so no code such as `video-call` reaches the applicant untranslated.
  instance.registerHelper('choose', (value: string, options: Handlebars.HelperOptions) => {
    const word = (options.hash as Record<string, string>)[value];
    if (word === undefined) throw new Error(`choose: no word for ${JSON.stringify(value)}`);
    return word;
  });
  instance.registerHelper('tenge', (amount: number) => formatTenge(amount));
  instance.registerHelper('plural', (count: number, options: Handlebars.HelperOptions) => {
    const forms = options.hash as Record<string, string>;
    const form = forms[plurals.select(count)] ?? forms.other ?? forms.many;
    if (form === undefined) throw new Error(`plural: no form for ${plurals.select(count)} (${count})`);
    return form;
  });
  instances.set(language, instance);
  return instance;
}
