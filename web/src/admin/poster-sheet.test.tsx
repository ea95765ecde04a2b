// @vitest-environment happy-dom
// The poster's QR code must open the right address: the rendered SVG is
// rasterised and decoded with jsQR, as a phone camera would read it.
import { render } from '@solidjs/testing-library';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import '../i18n/index.ts';
import './strings.ts';
import { PosterSheet, posterUrl } from './poster-sheet.tsx';

/** Draws uqr's SVG (one "M x,y h.. v.. h-.. z" square per dark module) into RGBA pixels. */
function decodeSvg(svg: SVGElement): string | null {
  const [, , w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number);
  const px = new Uint8ClampedArray(w * h * 4).fill(255);
  const d = svg.querySelector('path')!.getAttribute('d')!;
  for (const m of d.matchAll(/M(\d+),(\d+)h(\d+)v(\d+)/g)) {
    const [x0, y0, dx, dy] = m.slice(1).map(Number);
    for (let y = y0; y < y0 + dy; y++) for (let x = x0; x < x0 + dx; x++) px.fill(0, (y * w + x) * 4, (y * w + x) * 4 + 3);
  }
  return jsQR(px, w, h)?.data ?? null;
}

describe('outreach posters', () => {
  it('the app poster encodes the public origin', () => {
    const url = posterUrl('https://hocvuso.kienan.example.vn');
    const { getByTestId } = render(() => <PosterSheet format="a4" wardName="Phường Kiến An" slogan="Cả phường cùng học kỹ năng số" url={url} />);
    const poster = getByTestId('poster');
    expect(decodeSvg(poster.querySelector('svg')!)).toBe('https://hocvuso.kienan.example.vn/');
    expect(poster.textContent).toContain('Phường Kiến An');
    expect(poster.textContent).toContain('Cả phường cùng học kỹ năng số');
    // The address in letters too, for anyone who cannot scan.
    expect(poster.textContent).toContain('hocvuso.kienan.example.vn');
  });

  it('a course poster opens that course directly, in every format', () => {
    for (const format of ['a4', 'a3', 'screen'] as const) {
      const url = posterUrl('https://hocvuso.example.vn/', 'cyber-safety');
      const { getByTestId, unmount } = render(() => (
        <PosterSheet format={format} wardName="Phường X" slogan="S" url={url} courseTitle="Bảo vệ bản thân trên mạng" />
      ));
      const poster = getByTestId('poster');
      expect(poster.classList.contains(`poster-${format}`)).toBe(true);
      expect(decodeSvg(poster.querySelector('svg')!)).toBe('https://hocvuso.example.vn/courses/cyber-safety');
      expect(poster.querySelector('h2')!.textContent).toBe('Bảo vệ bản thân trên mạng');
      unmount();
    }
  });
});
