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
    // the only date the form takes: the dummy one it shows, the first of this month
    const today = new Date();
    await page.getByTestId('dossier-birthDate').fill(`${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-01`);
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
  'mock-chatbot': async (page) => {
    await page.getByTestId('chat-input').fill('Làm giấy khai sinh và thẻ bảo hiểm y tế cho cháu thế nào?');
    await click(page, 'chat-send');
    await click(page, 'chat-check-official');
    await click(page, 'chat-trap-refuse');
  },
  'gestures-trainer': async (page) => {
    const pad = page.getByTestId('gesture-pad');
    await pad.click();
    await click(page, 'gesture-next');
    // A real held pointer, then a real drag to the left, twice.
    const box = (await pad.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.waitForTimeout(900);
    await page.mouse.up();
    await click(page, 'gesture-next');
    for (let i = 0; i < 2; i++) {
      await page.mouse.move(box.x + box.width - 20, y);
      await page.mouse.down();
      await page.mouse.move(box.x + 20, y, { steps: 5 });
      await page.mouse.up();
    }
    await click(page, 'gesture-next');
    // Zoom without two fingers: the + key.
    await pad.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  },
  'ward-feedback': async (page) => {
    await click(page, 'feedback-where-form');
    await page.getByTestId('feedback-topic').selectOption('street');
    await page.getByTestId('feedback-content').fill('Đèn đường đầu ngõ bị hỏng từ tuần trước, buổi tối rất tối.');
    await page.getByTestId('feedback-file-photo').check();
    await click(page, 'feedback-review');
    await click(page, 'feedback-send');
  },
  'report-5656': async (page) => {
    const sender = await page.getByTestId('report-scam-sender').textContent();
    const text = await page.getByTestId('report-scam-text').textContent();
    await page.getByTestId('report-to').fill('5656');
    await page.getByTestId('report-body').fill(`S ${sender} ${text}`);
    await click(page, 'report-send');
  },
  'receive-qr-counter': async (page) => {
    // The first customer shows a "paid" screen but no money arrives.
    await page.getByTestId('counter-amount').fill('85000');
    await click(page, 'counter-amount-tell');
    await click(page, 'counter-claim-checkApp');
    await click(page, 'counter-bank-wait');
    await click(page, 'counter-next');
    await page.getByTestId('counter-amount').fill('120.000');
    await click(page, 'counter-amount-tell');
    await click(page, 'counter-claim-checkApp');
    await click(page, 'counter-bank-handOver');
  },
  'call-back-check': async (page) => {
    await click(page, 'callback-call-hangUp');
    await click(page, 'callback-check-ward');
  },
  'show-a-parent': async (page) => {
    await click(page, 'parent-first-screenshot');
    await click(page, 'parent-show-parent');
    await click(page, 'parent-report-sms5656');
  },
  'sales-log': async (page) => {
    await click(page, 'sales-record-full');
    await click(page, 'sales-check-match');
    await click(page, 'sales-backup-email');
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
