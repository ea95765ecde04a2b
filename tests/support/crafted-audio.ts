// Small audio files built byte by byte for the lesson-audio tests: the start
// of a WebM (EBML header naming the "webm" doc type), an Ogg page and an MP4
// "ftyp" box. Real players need more, the server checks only the container's start.
const concat = (...parts: number[][]) => new Uint8Array(parts.flat());
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const filler = (n: number, seed: number) => Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

/** EBML header (1A 45 DF A3) with DocType "webm", then a Segment start and padding. */
export const webmAudio = (seed = 1) =>
  concat([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0x82, 0x84], ascii('webm'), [0x18, 0x53, 0x80, 0x67], filler(200, seed));
export const oggAudio = () => concat(ascii('OggS'), [0x00, 0x02], filler(120, 7));
export const mp4Audio = () => concat([0x00, 0x00, 0x00, 0x18], ascii('ftypM4A '), [0, 0, 0, 0], ascii('M4A isom'), filler(120, 9));
