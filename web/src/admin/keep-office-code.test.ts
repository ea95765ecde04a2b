// What the studio hands the service worker to keep: its own scripts,
// stylesheets and fonts, once each; never API answers, pages or other sites.
import { describe, expect, it } from 'vitest';
import { ownCodeUrls } from './keep-office-code.ts';

describe('the office code kept for offline use', () => {
  it('keeps same-origin scripts, stylesheets and fonts under /assets/, once each', () => {
    const origin = 'https://hocvuso.example.vn';
    expect(
      ownCodeUrls(
        [
          `${origin}/assets/office-bulletins-page-C8xX9QmL.js`,
          `${origin}/assets/bulletins-BVb587a7.css`,
          `${origin}/assets/be-vietnam-pro-vietnamese-400-normal-CRcqvyg1.woff2`,
          `${origin}/assets/office-bulletins-page-C8xX9QmL.js`,
          `${origin}/api/v1/stats/dashboard`,
          `${origin}/content/index.json`,
          `${origin}/admin/bulletins`,
          'https://cdn.example.com/assets/x-1.js',
        ],
        origin,
      ),
    ).toEqual([`${origin}/assets/office-bulletins-page-C8xX9QmL.js`, `${origin}/assets/bulletins-BVb587a7.css`, `${origin}/assets/be-vietnam-pro-vietnamese-400-normal-CRcqvyg1.woff2`]);
  });
});
