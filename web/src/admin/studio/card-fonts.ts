// The cards' font, added to the page when the studio opens. A canvas draws
// with whatever font is loaded at that moment, so drawing waits for these;
// the files are the Vietnamese and Latin subsets only (fonts/README.md).
import latin400 from './fonts/be-vietnam-pro-latin-400-normal.woff2';
import latin700 from './fonts/be-vietnam-pro-latin-700-normal.woff2';
import vi400 from './fonts/be-vietnam-pro-vietnamese-400-normal.woff2';
import vi700 from './fonts/be-vietnam-pro-vietnamese-700-normal.woff2';

export const CARD_FONT = 'Be Vietnam Pro';

// Fontsource's unicode-range per subset, so the browser fetches a file only for the letters in use.
const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const VIETNAMESE = 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB';

const FACES = [
  { url: latin400, weight: '400', range: LATIN },
  { url: vi400, weight: '400', range: VIETNAMESE },
  { url: latin700, weight: '700', range: LATIN },
  { url: vi700, weight: '700', range: VIETNAMESE },
];

let ready: Promise<void> | null = null;

/** Loads every face once; resolves when a canvas can draw with them. */
export function loadCardFonts(): Promise<void> {
  ready ??= Promise.all(
    FACES.map(async (f) => {
      const face = new FontFace(CARD_FONT, `url(${f.url}) format('woff2')`, { weight: f.weight, unicodeRange: f.range, display: 'block' });
      document.fonts.add(face);
      await face.load();
    }),
  ).then(() => undefined);
  return ready;
}

/** True when the loaded faces cover the text in both weights (no fallback font). */
export const cardFontCovers = (text: string) => document.fonts.check(`400 40px "${CARD_FONT}"`, text) && document.fonts.check(`700 40px "${CARD_FONT}"`, text);
