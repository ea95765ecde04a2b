// A Word file read back for the tests: unzipped, its document and styles
// parsed as XML (saxes, through xml-tree.ts: a malformed part fails the
// test), and the text taken from the WordprocessingML elements — each
// paragraph's runs joined, each table row's cells — with entities decoded
// by the parser.
import { strFromU8, unzipSync } from 'fflate';
import { parseXml, type XmlElement } from './xml-tree.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Every element named `name` in the WordprocessingML namespace under `el`, in document order. */
export function wordElements(el: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.uri === W && c.name === name) found.push(c);
      walk(c);
    }
  };
  walk(el);
  return found;
}

/** A paragraph's text: its text runs (w:t) in order. */
const paragraphText = (p: XmlElement) => wordElements(p, 't').map((t) => t.text).join('');

export interface WordFile {
  /** The parsed word/document.xml. */
  document: XmlElement;
  /** The parsed word/styles.xml. */
  styles: XmlElement;
  /** Every paragraph's text, in document order (those in tables too). */
  paragraphs: string[];
  /** Every table row, as its cells' text (a cell's paragraphs joined by a space). */
  rows: string[][];
}

export function readDocx(bytes: Uint8Array): WordFile {
  const files = unzipSync(bytes);
  const part = (name: string) => {
    if (!files[name]) throw new Error(`the Word file has no ${name}`);
    return parseXml(strFromU8(files[name]));
  };
  const document = part('word/document.xml');
  return {
    document,
    styles: part('word/styles.xml'),
    paragraphs: wordElements(document, 'p').map(paragraphText),
    rows: wordElements(document, 'tr').map((tr) => tr.children.filter((c) => c.uri === W && c.name === 'tc').map((tc) => wordElements(tc, 'p').map(paragraphText).join(' '))),
  };
}

/** The attributes of the first element named `name` (keys are local names: w:left is `left`). */
export const wordAttributes = (el: XmlElement, name: string): Record<string, string> | undefined => wordElements(el, name)[0]?.attributes;
