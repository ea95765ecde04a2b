// Drives each practice simulator to its end in a real browser, the way a
// learner would: right choices only, dummy data only.
import type { Page } from 'playwright-core';

const click = (page: Page, id: string) => page.getByTestId(id).click();

const drivers: Record<string, (page: Page) => Promise<void>> = {
  'vneid-login': async (page) => {
    await click(page, 'vneid-login');
    await click(page, 'vneid-account');
    await click(page, 'vneid-level-level1');
    await click(page, 'vneid-option-police');
  },
  'dossier-submit': async (page) => {
    await click(page, 'dossier-login-vneid');
    await click(page, 'dossier-proc-birth');
    await page.getByTestId('dossier-childName').fill('NGUYỄN VĂN B');
    await page.getByTestId('dossier-birthDate').fill(new Date(Date.now() - 90 * 864e5).toISOString().slice(0, 10));
    await page.getByTestId('dossier-gender-male').check();
    await page.getByTestId('dossier-file-birth-certificate').check();
    await page.getByTestId('dossier-pledge').check();
    await click(page, 'dossier-continue');
    await click(page, 'dossier-submit');
    const code = (await page.getByTestId('dossier-code').textContent())!;
    await click(page, 'dossier-go-track');
    await page.getByTestId('dossier-track-input').fill(code);
    await click(page, 'dossier-track');
  },
  'vietqr-transfer': async (page) => {
    await click(page, 'vietqr-scan');
    await click(page, 'vietqr-name-wrong'); // the pasted-over QR
    await click(page, 'vietqr-scan');
    await click(page, 'vietqr-name-ok');
    await page.getByTestId('vietqr-amount').fill('150000');
    await click(page, 'vietqr-amount-continue');
    const code = (await page.getByTestId('vietqr-otp-sms').getAttribute('data-code'))!;
    await page.getByTestId('vietqr-otp-input').fill(code);
    await click(page, 'vietqr-otp-confirm');
    await click(page, 'vietqr-next-task');
    await click(page, 'vietqr-scan');
    await click(page, 'vietqr-name-ok');
    await page.getByTestId('vietqr-amount').fill('12.000.000');
    await click(page, 'vietqr-amount-continue');
    await click(page, 'vietqr-face-start');
  },
  'shop-checkout': async (page) => {
    await click(page, 'shop-report-sieusale');
    await click(page, 'shop-buy-anbinh');
    await page.getByTestId('shop-pay-cod').check();
    await click(page, 'shop-place-order');
  },
  'scam-triage': async (page) => {
    // Sorting by trial: a wrong first choice is explained and can be corrected.
    while (!(await page.getByTestId('scam-summary').isVisible())) {
      await click(page, 'scam-choose-scam');
      if (!(await page.getByTestId('scam-next').isVisible())) await click(page, 'scam-choose-safe');
      await click(page, 'scam-next');
    }
  },
};

/** Finishes the practice screen that is open now; resolves once the quiz button is offered. */
export async function finishPractice(page: Page): Promise<string> {
  const screen = page.getByTestId('practice');
  await screen.waitFor();
  const id = (await screen.getAttribute('data-practice'))!;
  const drive = drivers[id];
  if (!drive) throw new Error(`no driver for practice "${id}"`);
  await page.locator(`[data-testid="sim-${id}"]`).waitFor();
  await drive(page);
  await page.getByTestId('practice-done').waitFor();
  return id;
}
