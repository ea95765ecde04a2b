// Drives each practice simulator to its end with the keyboard only (Tab,
// Shift+Tab, Enter, Space, arrow keys and typing), the way someone with a
// switch, a Bluetooth keyboard or a screen reader would. Every control is
// reached by Tab from wherever focus is, and on the way every stop is checked
// for a name; after every key that acts, focus must still be inside the
// practice screen (not dropped to the page's start) and every right/wrong
// verdict must sit in a region a screen reader announces.
import type { Page } from 'playwright-core';

const MAX_TABS = 60;
const ANNOUNCED = '[aria-live], [role="status"], [role="alert"], [role="log"]';

/** Problems found on the way; the test expects none. */
export type KeyWalk = { problems: string[]; verdicts: number; stops: number };

/** What a screen reader would say for the focused element: its role and accessible name, from Chromium's own tree. */
async function focusedName(page: Page): Promise<{ role: string; name: string; testid: string | null }> {
  const focused = page.locator('*:focus');
  const testid = await focused.getAttribute('data-testid').catch(() => null);
  const snapshot = await focused.ariaSnapshot().catch(() => '');
  // "- button "Đăng nhập"", "- textbox "Số tiền"", "- button" (no name); YAML quotes
  // the whole line when the name has a colon: "- 'button "Bước 1: …"'".
  let line = (snapshot.split('\n')[0] ?? '').trim().replace(/^-\s+/, '');
  if (line.startsWith("'")) line = line.replace(/^'|':?$/g, '').replace(/''/g, "'");
  const m = /^([a-z]+)(?:\s+"((?:[^"\\]|\\.)*)")?/.exec(line);
  return { role: m?.[1] ?? '?', name: m?.[2]?.trim() ?? '', testid };
}

export function keyWalker(page: Page, practice: string): KeyWalk & {
  press: (testid: string, key?: 'Enter' | ' ') => Promise<void>;
  type: (testid: string, text: string) => Promise<void>;
  check: (testid: string) => Promise<void>;
  radio: (testid: string) => Promise<void>;
  date: (testid: string, iso: string) => Promise<void>;
  select: (testid: string, value: string) => Promise<void>;
  key: (key: string, holdMs?: number) => Promise<void>;
  tabTo: (testid: string) => Promise<void>;
} {
  const walk: KeyWalk = { problems: [], verdicts: 0, stops: 0 };
  const seenVerdicts = new Set<string>();

  const named = new Set<string>();
  async function tabTo(testid: string) {
    for (let i = 0; i < MAX_TABS; i++) {
      const here = await page.evaluate(() => {
        const el = document.activeElement;
        const screen = document.querySelector('[data-testid="practice"]');
        // A key for the control, so each one's name is asked of the accessibility tree once.
        const key = el ? `${el.tagName}|${el.getAttribute('data-testid') ?? ''}|${el.id}|${(el.textContent ?? '').slice(0, 40)}|${el.getAttribute('aria-label') ?? ''}` : '';
        // Only Tab stops need a name of their own; a heading focused after a screen change (tabindex -1) is read by its text.
        return { testid: el?.getAttribute('data-testid') ?? null, inside: Boolean(screen && el && screen.contains(el) && (el as HTMLElement).tabIndex >= 0), key };
      });
      if (here.inside && !named.has(here.key)) {
        named.add(here.key);
        const f = await focusedName(page);
        if (!f.name) walk.problems.push(`${practice}: a ${f.role} reached by Tab has no name (data-testid=${f.testid})`);
      }
      if (here.testid === testid) return;
      await page.keyboard.press('Tab');
      walk.stops++;
    }
    const shown = await page.locator('[data-testid="practice"] .simulator').innerText();
    walk.problems.push(`${practice}: "${testid}" is not reachable by Tab; the screen shows: ${shown.replace(/\s+/g, ' ').slice(0, 400)}`);
    throw new Error(walk.problems.at(-1));
  }

  /** After a key that acts: focus stays in the practice screen, and any verdict on screen is in a live region. */
  async function afterAction(what: string) {
    const state = await page.evaluate((announced) => {
      const screen = document.querySelector('[data-testid="practice"]');
      const active = document.activeElement;
      const verdicts = [...document.querySelectorAll('[data-testid="practice"] .feedback, [data-testid="practice"] .field-error, [data-testid="practice"] .error-summary')]
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => ({
          text: (el.textContent ?? '').trim(),
          // Said when it appears (live region), or with its field when the field has focus (aria-describedby).
          announced: el.closest(announced) !== null || (el.id !== '' && document.querySelector(`[aria-describedby~="${el.id}"]`) !== null),
        }));
      return { focusInside: Boolean(screen && active && active !== document.body && screen.contains(active)), verdicts };
    }, ANNOUNCED);
    if (!state.focusInside) walk.problems.push(`${practice}: after ${what}, focus left the practice screen`);
    for (const v of state.verdicts) {
      if (!v.announced) walk.problems.push(`${practice}: after ${what}, "${v.text.slice(0, 60)}" is shown but not announced`);
      else if (!seenVerdicts.has(v.text)) (seenVerdicts.add(v.text), walk.verdicts++);
    }
  }

  return Object.assign(walk, {
    tabTo,
    async press(testid: string, key: 'Enter' | ' ' = 'Enter') {
      await tabTo(testid);
      await page.keyboard.press(key);
      await afterAction(`pressing ${key === ' ' ? 'Space' : key} on "${testid}"`);
    },
    async type(testid: string, text: string) {
      await tabTo(testid);
      await page.keyboard.type(text);
    },
    /** A date field takes its parts in the browser's own order (day or month first): found on a blank page first. */
    async date(testid: string, iso: string) {
      const [y, m, d] = iso.split('-');
      const probe = await page.context().newPage();
      await probe.setContent('<input type="date" id="d">');
      await probe.focus('#d');
      await probe.keyboard.type('01022000');
      const dayFirst = (await probe.inputValue('#d')) === '2000-02-01';
      await probe.close();
      await tabTo(testid);
      await page.keyboard.type(dayFirst ? `${d}${m}${y}` : `${m}${d}${y}`);
      if ((await page.getByTestId(testid).inputValue()) !== iso) walk.problems.push(`${practice}: date ${iso} not typed into "${testid}"`);
    },
    async check(testid: string) {
      await tabTo(testid);
      await page.keyboard.press(' ');
      await afterAction(`Space on "${testid}"`);
    },
    /** A radio group is one Tab stop: Tab into it, then arrows to the wanted radio. */
    async radio(testid: string) {
      const name = await page.getByTestId(testid).getAttribute('name');
      for (let i = 0; i < MAX_TABS; i++) {
        const inGroup = await page.evaluate((n) => (document.activeElement as HTMLInputElement | null)?.name === n, name);
        if (inGroup) break;
        await page.keyboard.press('Tab');
        walk.stops++;
      }
      for (let i = 0; i < 8 && !(await page.getByTestId(testid).isChecked()); i++) await page.keyboard.press('ArrowDown');
      if (!(await page.getByTestId(testid).isChecked())) walk.problems.push(`${practice}: radio "${testid}" not chosen by keyboard`);
      await afterAction(`arrows to "${testid}"`);
    },
    async select(testid: string, value: string) {
      await tabTo(testid);
      const field = page.getByTestId(testid);
      for (let i = 0; i < 12 && (await field.inputValue()) !== value; i++) await page.keyboard.press('ArrowDown');
      if ((await field.inputValue()) !== value) walk.problems.push(`${practice}: option "${value}" of "${testid}" not chosen by keyboard`);
    },
    async key(key: string, holdMs = 0) {
      if (holdMs) {
        await page.keyboard.down(key);
        await page.waitForTimeout(holdMs);
        await page.keyboard.up(key);
      } else await page.keyboard.press(key);
      await afterAction(`key ${key}`);
    },
  });
}

type Walker = ReturnType<typeof keyWalker>;

/** Right choices only, dummy data only, as practice-driver.ts does with clicks; one wrong step where a screen teaches by it. */
export const keyDrivers: Record<string, (k: Walker, page: Page) => Promise<void>> = {
  'vneid-login': async (k) => {
    await k.press('vneid-login');
    await k.press('vneid-fake-upgrade');
    await k.press('vneid-account');
    await k.press('vneid-level-level1');
    await k.press('vneid-option-police', ' ');
  },
  'dossier-submit': async (k, page) => {
    await k.press('dossier-login-old');
    await k.press('dossier-login-vneid');
    await k.press('dossier-proc-birth');
    await k.press('dossier-continue'); // empty form: the errors are announced
    await k.type('dossier-childName', 'NGUYỄN VĂN B');
    const today = new Date();
    await k.date('dossier-birthDate', `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-01`);
    await k.radio('dossier-gender-male');
    await k.check('dossier-file-birth-certificate');
    await k.check('dossier-pledge');
    await k.press('dossier-continue');
    await k.press('dossier-submit');
    const code = (await page.getByTestId('dossier-code').textContent())!;
    await k.press('dossier-go-track');
    await k.press('dossier-track'); // no code typed yet
    await k.type('dossier-track-input', code);
    await k.press('dossier-track');
  },
  'vietqr-transfer': async (k, page) => {
    await k.press('vietqr-scan');
    await k.press('vietqr-name-wrong');
    await k.press('vietqr-scan');
    await k.press('vietqr-name-ok');
    await k.type('vietqr-amount', '150000');
    await k.press('vietqr-amount-continue');
    const code = (await page.getByTestId('vietqr-otp-sms').getAttribute('data-code'))!;
    await k.type('vietqr-otp-input', code);
    await k.press('vietqr-otp-confirm');
    await k.press('vietqr-next-task');
    await k.press('vietqr-scan', ' ');
    await k.press('vietqr-name-ok');
    await k.type('vietqr-amount', '12.000.000');
    await k.press('vietqr-amount-continue');
    await k.press('vietqr-face-start');
  },
  'shop-checkout': async (k) => {
    await k.press('shop-report-sieusale');
    await k.press('shop-buy-anbinh');
    await k.press('shop-place-order'); // no payment chosen yet
    await k.radio('shop-pay-cod');
    await k.press('shop-place-order');
  },
  'scam-triage': async (k, page) => {
    while (!(await page.getByTestId('scam-summary').isVisible())) {
      await k.press('scam-choose-scam', ' ');
      if (!(await page.getByTestId('scam-next').isVisible())) await k.press('scam-choose-safe');
      await k.press('scam-next');
    }
  },
  'mock-chatbot': async (k) => {
    await k.type('chat-input', 'Làm giấy khai sinh và thẻ bảo hiểm y tế cho cháu thế nào?');
    await k.press('chat-send');
    await k.press('chat-check-follow');
    await k.press('chat-check-official');
    await k.press('chat-trap-refuse');
  },
  'gestures-trainer': async (k) => {
    await k.press('gesture-pad'); // tap = Enter
    await k.press('gesture-next');
    await k.key('Enter', 900); // hold Enter = long-press
    await k.press('gesture-next');
    await k.key('ArrowRight');
    await k.key('ArrowRight');
    await k.press('gesture-next');
    for (let i = 0; i < 4; i++) await k.key('+');
  },
  'ward-feedback': async (k) => {
    await k.press('feedback-where-form');
    await k.select('feedback-topic', 'street');
    await k.type('feedback-content', 'Đèn đường đầu ngõ bị hỏng từ tuần trước, buổi tối rất tối.');
    await k.radio('feedback-file-photo');
    await k.press('feedback-review');
    await k.press('feedback-send');
  },
  'report-5656': async (k, page) => {
    await k.type('report-to', '5656');
    await k.tabTo('report-body');
    await page.keyboard.type('S ');
    await k.press('report-paste-sender');
    await k.press('report-paste-text', ' ');
    await k.press('report-send');
  },
  'receive-qr-counter': async (k) => {
    await k.type('counter-amount', '85000');
    await k.press('counter-amount-tell');
    await k.press('counter-claim-handOver');
    await k.press('counter-claim-checkApp');
    await k.press('counter-bank-wait');
    await k.press('counter-next');
    await k.type('counter-amount', '120.000');
    await k.press('counter-amount-tell');
    await k.press('counter-claim-checkApp');
    await k.press('counter-bank-handOver');
  },
  'call-back-check': async (k) => {
    await k.press('callback-call-askNumber');
    await k.press('callback-call-hangUp', ' ');
    await k.press('callback-check-redial');
    await k.press('callback-check-ward');
  },
  'show-a-parent': async (k) => {
    await k.press('parent-first-delete');
    await k.press('parent-first-screenshot');
    await k.press('parent-show-parent', ' ');
    await k.press('parent-report-call156');
    await k.press('parent-report-sms5656');
  },
  'sales-log': async (k) => {
    await k.press('sales-record-customer');
    await k.press('sales-record-full');
    await k.press('sales-check-match', ' ');
    await k.press('sales-backup-none');
    await k.press('sales-backup-email');
  },
};
