// The bulletin being written, kept on this device as it is typed: a lost
// connection, a closed tab or a reload does not lose it. One draft per
// browser; "Lưu để lên lịch phát" is what puts a bulletin on the server.
import { perLocality } from '../net/api-base.ts';

const KEY = 'hvs.bulletinDraft';

export interface BulletinDraft {
  kind: 'news' | 'article' | 'column';
  title: string;
  body: string;
  rate: number;
}

export function loadBulletinDraft(): BulletinDraft | null {
  try {
    const d = JSON.parse(localStorage.getItem(perLocality(KEY)) ?? 'null') as Partial<BulletinDraft> | null;
    if (!d || typeof d.title !== 'string' || typeof d.body !== 'string' || typeof d.rate !== 'number') return null;
    const kind = d.kind === 'article' || d.kind === 'column' ? d.kind : 'news';
    return { kind, title: d.title, body: d.body, rate: d.rate };
  } catch {
    return null;
  }
}

export function saveBulletinDraft(d: BulletinDraft): void {
  try {
    if (!d.title.trim() && !d.body.trim()) localStorage.removeItem(perLocality(KEY));
    else localStorage.setItem(perLocality(KEY), JSON.stringify(d));
  } catch {
    // Storage full or refused (private mode): the page still works, the draft is just not kept.
  }
}
