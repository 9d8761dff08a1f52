/**
 * The letter's typeface: DejaVu Sans from the `dejavu-fonts-ttf` package (Bitstream Vera licence, ADR 29),
 * never an operating-system font — every machine renders the same glyphs, and it has every letter of
 * the Kazakh Cyrillic alphabet (ә ғ қ ң ө ұ ү һ і, both cases). Only the glyphs used are embedded.
 */
export const LETTER_FONT = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;
