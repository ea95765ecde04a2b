import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { jsqrDecoder, loadQrDecoder, type Frame } from './decode.ts';
import { householdFrom, householdLink, recoveryCodeFrom, sessionCodeFrom } from './scan-targets.ts';

/** A QR made by the same encoder the guide's phone uses, drawn as camera-like RGBA pixels. */
function frameOf(text: string, { scale = 4, quiet = 4, noise = 0 } = {}): Frame {
  const { data: modules, size } = encode(text, { border: 0 });
  const width = (size + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(width * width * 4);
  let seed = 7;
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const my = Math.floor(y / scale) - quiet;
      const mx = Math.floor(x / scale) - quiet;
      const dark = my >= 0 && mx >= 0 && my < size && mx < size && modules[my][mx];
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const jitter = noise ? (seed % (2 * noise)) - noise : 0;
      const v = (dark ? 30 : 225) + jitter;
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return { data, width, height: width };
}

describe('QR decoding (jsqr fallback)', () => {
  it('reads a session link drawn from uqr, and what the join screen takes from it', async () => {
    const decode = await jsqrDecoder();
    const text = await decode(frameOf('https://hocvuso.example.vn/join/ACDE3467', { noise: 20 }));
    expect(text).toBe('https://hocvuso.example.vn/join/ACDE3467');
    expect(sessionCodeFrom(text!)).toBe('ACDE3467');
  });

  it('reads a household link with a Vietnamese label after "#"', async () => {
    const link = householdLink('https://hocvuso.example.vn', { householdId: '0197a000-0000-7000-8000-000000000001', label: 'Số 12, ngõ 5 Lê Lợi' });
    const text = await (await jsqrDecoder())(frameOf(link));
    expect(householdFrom(text!)).toEqual({ householdId: '0197a000-0000-7000-8000-000000000001', label: 'Số 12, ngõ 5 Lê Lợi' });
  });

  it('finds nothing in a blank frame', async () => {
    const blank: Frame = { data: new Uint8ClampedArray(200 * 200 * 4).fill(230), width: 200, height: 200 };
    expect(await (await jsqrDecoder())(blank)).toBeNull();
  });

  it('uses jsqr when the browser has no BarcodeDetector, the platform detector when it has one', async () => {
    const frame = frameOf('https://x.vn/recover#ABCD-EFGH');
    expect(await (await loadQrDecoder({}))(frame)).toBe('https://x.vn/recover#ABCD-EFGH');
    class FakeDetector {
      static getSupportedFormats = async () => ['qr_code'];
      detect = async () => [{ rawValue: 'from-platform' }];
    }
    expect(await (await loadQrDecoder({ BarcodeDetector: FakeDetector }))(frame)).toBe('from-platform');
    class NoQr extends FakeDetector {
      static getSupportedFormats = async () => ['ean_13'];
    }
    expect(await (await loadQrDecoder({ BarcodeDetector: NoQr }))(frame)).toBe('https://x.vn/recover#ABCD-EFGH');
  });
});

describe('scan targets', () => {
  it('accepts join links and typed codes, and nothing else', () => {
    expect(sessionCodeFrom('acde 3467')).toBe('ACDE3467');
    expect(sessionCodeFrom('http://10.0.0.2:8080/join/ACDE3467/')).toBe('ACDE3467');
    expect(sessionCodeFrom('https://x.vn/household/ACDE3467')).toBeNull();
    expect(sessionCodeFrom('ACDE346')).toBeNull();
    expect(sessionCodeFrom('https://x.vn/join/OOOO0000')).toBeNull();
  });

  it('accepts household links and bare ids, not other links', () => {
    expect(householdFrom('0197A000-0000-7000-8000-000000000001')).toEqual({ householdId: '0197a000-0000-7000-8000-000000000001', label: '' });
    expect(householdFrom('https://x.vn/join/0197a000-0000-7000-8000-000000000001')).toBeNull();
    expect(householdFrom('https://x.vn/household/not-an-id')).toBeNull();
    expect(householdFrom('https://x.vn/household/0197a000-0000-7000-8000-000000000001#%E0%A4%A')?.label).toBe('');
  });

  it('takes the recovery code from its link, or the text as typed', () => {
    expect(recoveryCodeFrom('https://x.vn/recover#ABCD-EFGH-JKMN')).toBe('ABCD-EFGH-JKMN');
    expect(recoveryCodeFrom(' abcd-efgh ')).toBe('abcd-efgh');
    expect(recoveryCodeFrom('https://x.vn/join/ACDE3467')).toBeNull();
    expect(recoveryCodeFrom('https://x.vn/recover')).toBeNull();
  });
});
