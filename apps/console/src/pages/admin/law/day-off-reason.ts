/**
 * A day off as the calendar gives its reason (`holiday: Nauryz`, `non-working day: Kurban Ait`,
 * `moved day off: Nauryz of 2026-03-21`, `transferred day off: from 2027-01-09`), taken apart so
 * the screen can word each kind in the officer's language.
 */
export type DayOffReason =
  | { readonly kind: 'holiday' | 'nonWorking'; readonly name: string }
  | { readonly kind: 'moved'; readonly name: string; readonly from: string }
  | { readonly kind: 'transfer'; readonly from: string }
  | { readonly kind: 'other'; readonly text: string };

export function parseDayOffReason(reason: string): DayOffReason {
  const [, kind, rest] = /^([a-z -]+): (.*)$/.exec(reason) ?? [];
  if (kind === 'holiday') return { kind: 'holiday', name: rest! };
  if (kind === 'non-working day') return { kind: 'nonWorking', name: rest! };
  const moved = kind === 'moved day off' ? /^(.*) of (\d{4}-\d{2}-\d{2})$/.exec(rest!) : null;
  if (moved) return { kind: 'moved', name: moved[1]!, from: moved[2]! };
  const transfer = kind === 'transferred day off' ? /^from (\d{4}-\d{2}-\d{2})$/.exec(rest!) : null;
  if (transfer) return { kind: 'transfer', from: transfer[1]! };
  return { kind: 'other', text: reason };
}

/**
 * The holidays' names as the law's data records them (in English, `domain/calendar/data`), in
 * Russian and Kazakh. A vocabulary of data, like the regions' names, not a label of the console: a
 * name an administrator records later that is not listed here is shown as recorded.
 */
const HOLIDAY_NAMES: Readonly<Record<string, { readonly ru: string; readonly kk: string }>> = {
  'New Year': { ru: 'Новый год', kk: 'Жаңа жыл' },
  'Orthodox Christmas': { ru: 'Православное Рождество', kk: 'Православиелік Рождество' },
  "International Women's Day": { ru: 'Международный женский день', kk: 'Халықаралық әйелдер күні' },
  Nauryz: { ru: 'Наурыз мейрамы', kk: 'Наурыз мейрамы' },
  "Kazakhstan People's Unity Day": {
    ru: 'Праздник единства народа Казахстана',
    kk: 'Қазақстан халқының бірлігі мерекесі',
  },
  'Defender of the Fatherland Day': { ru: 'День защитника Отечества', kk: 'Отан қорғаушы күні' },
  'Victory Day': { ru: 'День Победы', kk: 'Жеңіс күні' },
  'Capital Day': { ru: 'День Столицы', kk: 'Астана күні' },
  'Kurban Ait': { ru: 'Курбан айт', kk: 'Құрбан айт' },
  'Constitution Day': { ru: 'День Конституции', kk: 'Конституция күні' },
  'Republic Day': { ru: 'День Республики', kk: 'Республика күні' },
  'Independence Day': { ru: 'День Независимости', kk: 'Тәуелсіздік күні' },
};

export function holidayName(name: string, language: string): string {
  const names = HOLIDAY_NAMES[name];
  return names && (language === 'ru' || language === 'kk') ? names[language] : name;
}
