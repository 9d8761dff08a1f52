import { transliterate } from './transliteration';

/**
 * Latin letters of the Kazakh alphabets (2018 and 2021) and of Turkish-style spellings that stand
 * for one Cyrillic letter written with two Latin ones elsewhere; folded before the marks are dropped,
 * since "ş" without its cedilla would read "s", not "sh".
 */
const LATIN_SPELLINGS: Readonly<Record<string, string>> = { ş: 'sh', ç: 'ch', ı: 'y', q: 'k' };

/**
 * The key a name is searched by: the same for "Нұрлан", "НУРЛАН", "нурлан" and "Nurlan", for
 * "Ержан", "Yerzhan" and "Erzhan", for "Қайрат" and "Qairat". It lower-cases, transliterates Cyrillic
 * as passports do (the Kazakh letters lose their marks: ұ and у are both "u"), drops the marks of
 * Latin letters, reads "ye" at the start of a word or after a vowel as "e" (passports write
 * "Yerzhan" and "Serikbayev" for Ержан and Серікбаев, people type either), and
 * keeps only letters and digits, the words separated by one space.
 */
export function nameSearchKey(text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  const spelled = [...lower].map((char) => LATIN_SPELLINGS[char] ?? char).join('');
  return transliterate(spelled)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => (word.startsWith('ye') ? word.slice(1) : word).replace(/([aeiou])ye/g, '$1e'))
    .join(' ');
}

/**
 * The words of a query as search keys; a name matches when each of them starts one of its words
 * ("нұр ахм" finds "Ахметов Нұрлан"). Empty when the query has no letter or digit.
 */
export function nameQueryWords(query: string): string[] {
  const key = nameSearchKey(query);
  return key === '' ? [] : [...new Set(key.split(' '))];
}
