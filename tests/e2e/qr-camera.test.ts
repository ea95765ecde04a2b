// In-app QR scanning through a real camera pipeline: Chromium's fake camera
// plays a video of a household QR (made by the same encoder the guide's phone
// uses), the scanner reads it from the camera frames and the household screen
// shows the household — no typing.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { encode } from 'uqr';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, hasChromium, PHONE } from '../support/browser.ts';

const W = 640;
const H = 480;

/** A two-frame Y4M video (what Chromium's fake camera reads) of a QR code on white. */
function qrVideo(text: string): Buffer {
  const { data: modules, size } = encode(text, { border: 4 });
  const scale = Math.floor(Math.min(W, H) / size);
  const left = Math.floor((W - size * scale) / 2);
  const top = Math.floor((H - size * scale) / 2);
  const luma = Buffer.alloc(W * H, 235);
  for (let y = 0; y < size * scale; y++) {
    for (let x = 0; x < size * scale; x++) if (modules[Math.floor(y / scale)][Math.floor(x / scale)]) luma[(top + y) * W + left + x] = 16;
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]);
}

let server: RunningServer;
let browser: Browser;
let dir: string;
const householdId = '0197a000-0000-7000-8000-000000000042';
const label = 'Số 12, ngõ 5 Lê Lợi';

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'hvs-camera-'));
  const video = join(dir, 'qr.y4m');
  writeFileSync(video, qrVideo(`${server.url}/household/${householdId}#${encodeURIComponent(label)}`));
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasChromium)('QR scanning with the camera', () => {
  it('reads a household QR from camera frames and opens that household', async () => {
    const ctx = await browser.newContext({ ...PHONE, permissions: ['camera'] });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/household`);
    await page.getByTestId('scan-start').click();
    await expect.poll(() => page.getByTestId('household-target').textContent().catch(() => ''), { timeout: 20_000 }).toContain(label);
    expect(new URL(page.url()).pathname).toBe(`/household/${householdId}`);
    // The camera is released once the code is read.
    expect(await page.evaluate(() => [...document.querySelectorAll('video')].every((v) => v.srcObject === null))).toBe(true);
    await ctx.close();
  }, 60_000);
});
