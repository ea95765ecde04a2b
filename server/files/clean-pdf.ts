// What a PDF scan must not carry: the photo inside it (a phone's scanner app
// embeds its camera JPEG, with the Exif block where GPS lives), the document
// information (author, creator, producer, dates) and the XMP packet. A PDF
// finds its objects by byte offsets (the xref table), so nothing is removed
// or moved: each such byte is overwritten in place and the file keeps its
// length and structure.
//   - a JPEG's APP1 (Exif, XMP) and APP13 (IPTC) segments become comment
//     segments of zeros;
//   - the text between an XMP packet's begin and end markers becomes spaces
//     (the packet format allows padding);
//   - the values of /Author, /Creator, /Producer, /Subject, /Keywords,
//     /CreationDate and /ModDate become spaces (a literal string) or "20"
//     (a hex string).
// What sits inside a compressed stream (an object stream of PDF 1.5, a
// compressed metadata stream) cannot be rewritten in place and is kept;
// camera JPEGs and XMP packets are stored uncompressed in practice.

// Not /Title: bookmarks use the same key for their text.
const INFO_KEYS = ['Author', 'Creator', 'Producer', 'Subject', 'Keywords', 'CreationDate', 'ModDate'];
const COM = 0xfe;
const SPACE = 0x20;

export function cleanPdf(input: Uint8Array): Uint8Array {
  const b = Uint8Array.from(input); // a copy: a Buffer's slice() would be a view of the bytes as sent
  blankJpegMetadata(b);
  blankXmpPackets(b);
  blankInfoValues(b);
  return b;
}

/** Each embedded JPEG whose header parses up to its image data: APP1/APP13 turned into zeroed comments. */
function blankJpegMetadata(b: Uint8Array): void {
  for (let at = indexOf(b, [0xff, 0xd8, 0xff], 0); at !== -1; at = indexOf(b, [0xff, 0xd8, 0xff], at + 2)) {
    const segments = jpegSegments(b, at + 2);
    if (!segments) continue; // not a JPEG header after all (bytes of a compressed stream)
    for (const s of segments) {
      b[s.at + 1] = COM;
      b.fill(0, s.at + 4, s.at + 2 + s.length);
    }
  }
}

/** The APP1/APP13 segments of a JPEG header starting at `at`, or undefined unless it reaches its start of scan well-formed. */
function jpegSegments(b: Uint8Array, at: number): Array<{ at: number; length: number }> | undefined {
  const found: Array<{ at: number; length: number }> = [];
  while (at + 4 <= b.length && b[at] === 0xff) {
    const marker = b[at + 1];
    const length = (b[at + 2] << 8) | b[at + 3];
    // Only the markers a JPEG header holds (APPn, DQT, DHT, SOFn, DRI, COM, DNL).
    const header = (marker >= 0xe0 && marker <= 0xef) || marker === 0xdb || marker === 0xc4 || (marker >= 0xc0 && marker <= 0xcf) || marker === 0xdd || marker === COM;
    if (marker === 0xda) return length >= 2 ? found : undefined;
    if (!header || length < 2 || at + 2 + length > b.length) return undefined;
    if (marker === 0xe1 || marker === 0xed) found.push({ at, length });
    at += 2 + length;
  }
  return undefined;
}

/** The inside of each `<?xpacket begin … ?> … <?xpacket end … ?>` as spaces. */
function blankXmpPackets(b: Uint8Array): void {
  const begin = ascii('<?xpacket begin');
  const end = ascii('<?xpacket end');
  for (let at = indexOf(b, begin, 0); at !== -1; at = indexOf(b, begin, at + 1)) {
    const open = indexOf(b, ascii('?>'), at);
    const close = open === -1 ? -1 : indexOf(b, end, open);
    if (close === -1) return;
    b.fill(SPACE, open + 2, close);
  }
}

/** The value of each document-information key, in place. */
function blankInfoValues(b: Uint8Array): void {
  for (const key of INFO_KEYS) {
    const name = ascii(`/${key}`);
    for (let at = indexOf(b, name, 0); at !== -1; at = indexOf(b, name, at + 1)) {
      let v = at + name.length;
      // "/Author" but not "/AuthorX": the name ends at a delimiter.
      if (v < b.length && !isDelimiterOrSpace(b[v])) continue;
      while (v < b.length && isSpace(b[v])) v++;
      if (b[v] === 0x28) blankLiteral(b, v);
      else if (b[v] === 0x3c && b[v + 1] !== 0x3c) blankHex(b, v);
    }
  }
}

/** A literal string `( … )` with its escapes and balanced parentheses: its inside as spaces. */
function blankLiteral(b: Uint8Array, open: number): void {
  let depth = 0;
  for (let i = open; i < b.length; i++) {
    if (b[i] === 0x5c) {
      i++; // an escaped byte, whatever it is
      continue;
    }
    if (b[i] === 0x28) depth++;
    else if (b[i] === 0x29 && --depth === 0) return void b.fill(SPACE, open + 1, i);
  }
}

/** A hex string `< … >`: each digit pair "20" (a space), so a reader shows blanks. */
function blankHex(b: Uint8Array, open: number): void {
  const close = b.indexOf(0x3e, open);
  if (close === -1) return;
  let digit = 0;
  for (let i = open + 1; i < close; i++) if (/[0-9A-Fa-f]/.test(String.fromCharCode(b[i]))) b[i] = digit++ % 2 === 0 ? 0x32 : 0x30;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiterOrSpace = (c: number) => isSpace(c) || '()<>[]{}/%'.includes(String.fromCharCode(c));
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

function indexOf(b: Uint8Array, needle: readonly number[], from: number): number {
  const first = needle[0];
  for (let i = b.indexOf(first, from); i !== -1 && i + needle.length <= b.length; i = b.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && b[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}
