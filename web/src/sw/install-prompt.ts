// Keeps the browser's install offer (beforeinstallprompt) for later: the app
// asks only at a sensible moment (after a first finished lesson), never on
// first paint. Dismissing it is remembered on this phone.
import { createRoot, createSignal } from 'solid-js';

interface InstallEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const DISMISSED_KEY = 'hvs.installDismissed';
const [offer, setOffer] = createRoot(() => createSignal<InstallEvent | null>(null));
const [dismissed, setDismissed] = createRoot(() => createSignal(readDismissed()));

function readDismissed(): boolean {
  try {
    return globalThis.localStorage?.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function watchInstallOffer(win: Window = window): void {
  win.addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault(); // no mini-infobar on first paint; we offer it later
    setOffer(e as InstallEvent);
  });
  win.addEventListener('appinstalled', () => setOffer(null));
}

export const canOfferInstall = () => offer() !== null && !dismissed();

export async function install(): Promise<void> {
  const e = offer();
  if (!e) return;
  setOffer(null);
  await e.prompt();
}

export function dismissInstall(): void {
  setDismissed(true);
  try {
    localStorage.setItem(DISMISSED_KEY, '1');
  } catch {
    // Not remembered; asked again next visit.
  }
}
