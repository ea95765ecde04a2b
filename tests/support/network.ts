// A phone with no signal, as the page sees it. Chromium (150) emulating no
// network still reports navigator.onLine === true on a page loaded while
// offline (a reload served by the service worker), where a phone in airplane
// mode reports false; the app reads that flag to skip requests it knows will
// fail. So every load in a context taken offline here is also told the truth
// from its first script on.
import type { BrowserContext } from 'playwright-core';

const truthful = new WeakSet<BrowserContext>();

export async function setPhoneOffline(context: BrowserContext, offline: boolean): Promise<void> {
  if (!truthful.has(context)) {
    truthful.add(context);
    await context.addInitScript(() => {
      const own = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
      Object.defineProperty(Navigator.prototype, 'onLine', {
        configurable: true,
        get(this: Navigator) {
          return (globalThis as { __phoneOffline?: boolean }).__phoneOffline ? false : (own.get!.call(this) as boolean);
        },
      });
    });
  }
  const mark = (off: boolean) => void ((globalThis as { __phoneOffline?: boolean }).__phoneOffline = off);
  // Init scripts run in the order they were added: the last call's state wins on the next load.
  await context.addInitScript(mark, offline);
  // Pages open now learn it before the browser's online/offline event reaches them.
  await Promise.all(context.pages().map((p) => p.evaluate(mark, offline).catch(() => undefined)));
  await context.setOffline(offline);
}
