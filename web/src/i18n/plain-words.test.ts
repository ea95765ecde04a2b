// What residents and guides read says "không có mạng" and "gửi lên phường",
// never the jargon an older user stumbles on ("ngoại tuyến", "đồng bộ").
// Office namespaces (read by ward staff) are left out; a new namespace is
// scanned unless it is named here as an office one.
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };
const files = import.meta.glob<Tree>('./vi/**/*.json', { eager: true, import: 'default' });

const OFFICE = new Set([
  'audit', 'bulletins', 'bulletinSchedule', 'dashboard', 'display', 'displayAdmin', 'indicators', 'integrity', 'lessonAudio',
  'newsDesk', 'planReport', 'plans', 'posters', 'registers', 'studio', 'tracker', 'unit', 'unitLog', 'ward', 'wardAdmin',
]);
const JARGON = /ngoại tuyến|đồng bộ|offline|\bsync/i;

function leaves(tree: Tree, prefix: string): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}.${k}`, v] as [string, string]] : leaves(v, `${prefix}.${k}`)));
}

const namespace = (path: string) => path.replace(/^.*\/(.+)\.json$/, '$1');

describe('plain words for residents and guides', () => {
  it('minor 4: no resident or guide string says "ngoại tuyến" or "đồng bộ"', () => {
    const scanned = Object.keys(files).filter((p) => !OFFICE.has(namespace(p)));
    expect(scanned.map(namespace)).toEqual(expect.arrayContaining(['home', 'sync', 'join', 'guide', 'resident', 'selfCheck']));
    const jargon = scanned.flatMap((p) => leaves(files[p], namespace(p))).filter(([, text]) => JARGON.test(text));
    expect(jargon.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });
});
