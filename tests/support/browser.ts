// Launches Debian's Chromium through playwright-core. Locally a missing
// browser skips the browser suite with a notice; in CI it is an error, so the
// suite can never silently skip there.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const isCI = Boolean(process.env.CI);
export const hasChromium = existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  if (isCI) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: CI must install it (apt-get install -y chromium)`);
  console.warn(`[e2e] ${CHROMIUM_PATH} not found: browser tests are skipped on this machine (apt-get install -y chromium)`);
}

export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

/** A microphone that plays a test tone, granted without asking (only the tests that record use it). */
export const FAKE_MICROPHONE_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'];

/** A phone-sized context: 360×740, Vietnamese, touch. */
export const PHONE = { viewport: { width: 360, height: 740 }, locale: 'vi-VN', hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
