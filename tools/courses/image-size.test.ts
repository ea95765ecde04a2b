import { describe, expect, it } from 'vitest';
import { imageSize } from './image-size.ts';

const svg = (root: string) => Buffer.from(`${root}<rect width="1" height="1"/></svg>`);

describe('imageSize', () => {
  it('reads an SVG width and height, else its viewBox', () => {
    expect(imageSize('a.svg', svg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 180 300" width="180" height="300">'))).toEqual({ width: 180, height: 300 });
    expect(imageSize('a.svg', svg('<svg viewBox="0 0 320.4 200" xmlns="http://www.w3.org/2000/svg">'))).toEqual({ width: 320, height: 200 });
    expect(imageSize('a.svg', svg("<svg width='40px' height='30px'>"))).toEqual({ width: 40, height: 30 });
  });

  it('gives no size where the file does not say it in pixels', () => {
    expect(imageSize('a.svg', svg('<svg width="100%" height="100%">'))).toBeUndefined();
    expect(imageSize('a.svg', svg('<svg viewBox="0 0 0 10">'))).toBeUndefined();
    expect(imageSize('a.svg', Buffer.from('not an svg'))).toBeUndefined();
    expect(imageSize('a.jpg', Buffer.from([0xff, 0xd8, 0xff]))).toBeUndefined();
  });

  it('reads a PNG header', () => {
    const png = Buffer.alloc(24);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
    png.writeUInt32BE(640, 16);
    png.writeUInt32BE(480, 20);
    expect(imageSize('a.png', png)).toEqual({ width: 640, height: 480 });
    expect(imageSize('a.png', png.subarray(0, 20))).toBeUndefined();
  });
});
