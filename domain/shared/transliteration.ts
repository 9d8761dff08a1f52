/**
 * Kazakh and Russian Cyrillic in Latin letters, in the manner of Kazakh passports. Shared by the demo
 * data (which writes the Latin names of its people) and by the search key of the back office (which
 * must find "Нұрлан" when a reviewer types "нурлан" or "Nurlan").
 */
const LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  қ: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  і: 'i',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/**
 * Cyrillic → Latin in the manner of Kazakh passports ("Ержан" → "Yerzhan", "Нұрланұлы" → "Nurlanuly"):
 * an initial "Е" reads "Ye", the Kazakh letters lose their marks.
 */
export function transliterate(text: string): string {
  return text
    .split(/([ '’-])/)
    .map((part) => {
      if (/^[ '’-]$/.test(part) || part === '') return part;
      const lower = part.toLowerCase();
      let out = '';
      [...lower].forEach((char, index) => {
        out += index === 0 && char === 'е' ? 'ye' : (LATIN[char] ?? char);
      });
      return out.charAt(0).toUpperCase() + out.slice(1);
    })
    .join('');
}
