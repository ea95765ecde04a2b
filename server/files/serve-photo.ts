// Answers a stored photo: its stored type, never sniffed, shown inline.
// Story photos are pictures only; a PDF never gets here (the upload refuses it).
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import type { StoredFileInfo } from './file-store.ts';

const EXTENSION: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

export function sendPhoto(c: Context<AppEnv>, file: { info: StoredFileInfo; body: Uint8Array }, name: string, crossOrigin: boolean) {
  c.header('Content-Type', file.info.type);
  c.header('Content-Disposition', `inline; filename="${name}.${EXTENSION[file.info.type] ?? 'bin'}"`);
  c.header('X-Content-Type-Options', 'nosniff');
  // A published photo may be shown by the ward portal (feeds link to it); a draft's only by the app.
  c.header('Cross-Origin-Resource-Policy', crossOrigin ? 'cross-origin' : 'same-origin');
  return c.body(file.body as Uint8Array<ArrayBuffer>);
}
