import { nameQueryWords, nameSearchKey } from '@domain/shared/name-search';
import { transliterate } from '@domain/shared/transliteration';

describe('the search key of a name: one key for every way an officer may type it', () => {
  it.each([
    ['Kazakh Cyrillic', 'Нұрлан'],
    ['Russian Cyrillic, lower case', 'нурлан'],
    ['capitals', 'НҰРЛАН'],
    ['Latin, as in the passport', 'Nurlan'],
    ['Latin, lower case', 'nurlan'],
  ])('given "Нұрлан" in %s (%s), the key is "nurlan"', (_, written) => {
    expect(nameSearchKey(written)).toBe('nurlan');
  });

  it('drops the marks of every Kazakh letter: ә ғ қ ң ө ұ ү һ і read as the Russian letters', () => {
    expect(nameSearchKey('Әсел Ғалым Қайрат Ақмарал Мөлдір Үміт Інжу')).toBe(
      nameSearchKey('Асел Галым Кайрат Акмарал Молдир Умит Инжу'),
    );
  });

  it('reads a word-initial "Е" the same whether written Ye, E or Е', () => {
    expect(nameSearchKey('Ержан')).toBe('erzhan');
    expect(nameSearchKey('Yerzhan')).toBe('erzhan');
    expect(nameSearchKey('Erzhan')).toBe('erzhan');
  });

  it('reads "ye" after a vowel as "e" too: Серікбаев is Serikbayev and Serikbaev', () => {
    expect(nameSearchKey('Серікбаев')).toBe('serikbaev');
    expect(nameSearchKey('Serikbayev')).toBe('serikbaev');
    expect(nameSearchKey('Serikbaev')).toBe('serikbaev');
  });

  it('folds the Kazakh Latin alphabets (2018 acute, 2021 Turkish-style letters) into passport spelling', () => {
    expect(nameSearchKey('Qairat')).toBe(nameSearchKey('Қайрат'));
    expect(nameSearchKey('Qasymov')).toBe(nameSearchKey('Қасымов'));
    expect(nameSearchKey('Qasımov')).toBe(nameSearchKey('Қасымов'));
    expect(nameSearchKey('Şynar')).toBe(nameSearchKey('Шынар'));
    expect(nameSearchKey('Áset')).toBe(nameSearchKey('Әсет'));
  });

  it('keeps the words of a name apart, one space between them, whatever joined them', () => {
    expect(nameSearchKey("  Нұрланұлы   Ержан-Серік O'Neil ")).toBe('nurlanuly erzhan serik o neil');
  });

  it('turns a query into its distinct words; a query of no letter or digit into none', () => {
    expect(nameQueryWords('Нұр  нур Ахм')).toEqual(['nur', 'akhm']);
    expect(nameQueryWords(' - ’ ')).toEqual([]);
  });

  it('is the transliteration the demo data writes Latin names with (moved to domain/shared, unchanged)', () => {
    expect(transliterate('Нұрланұлы')).toBe('Nurlanuly');
    expect(transliterate('Ержан')).toBe('Yerzhan');
  });
});
