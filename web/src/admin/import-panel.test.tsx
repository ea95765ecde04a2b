// @vitest-environment happy-dom
// The import panel names the limit a refused file broke, in the admin's own
// words, rather than showing the server's English message.
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n/index.ts';
import './strings.ts';
import { ImportPanel } from './import-panel.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const refuse = (code: string) =>
  vi.stubGlobal('fetch', async () => Response.json({ error: { code, message: 'English server message' } }, { status: 413 }));

describe('import panel', () => {
  for (const [code, words] of [
    ['unpacked_too_large', 'lớn hơn 8 MB'],
    ['too_many_rows', 'hơn 1.000 dòng'],
    ['too_many_cells', 'hơn 20.000 ô'],
    ['cell_too_long', 'dài hơn 1.000 ký tự'],
    ['file_too_large', 'lớn hơn 512 KB'],
  ] as const) {
    it(`says which limit a refused file hit: ${code}`, async () => {
      refuse(code);
      const { container } = render(() => <ImportPanel onImported={() => undefined} />);
      const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
      await userEvent.upload(input, new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'to-dan-pho.xlsx'));
      await userEvent.click(screen.getByRole('button', { name: 'Kiểm tra tệp' }));
      await waitFor(() => expect(screen.getByTestId('ward-import').textContent).toContain(words));
      expect(screen.getByTestId('ward-import').textContent).not.toContain('English server message');
    });
  }
});
