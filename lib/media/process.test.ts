import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_PIXELS } from './limits';
import { MediaInputError, processImage } from './process';

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#c86432' } });

describe('processImage', () => {
  it('strips EXIF (GPS included), applies the orientation, and makes WebP and AVIF variants no wider than the original', async () => {
    const jpeg = await solid(1200, 600)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 0/1' } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const image = await processImage(jpeg);
    expect(image.type).toBe('image/jpeg');
    // Orientation 6 is a quarter turn: the stored image is upright, and its size says so.
    expect([image.width, image.height]).toEqual([600, 1200]);
    const original = await sharp(image.files[0]!.bytes).metadata();
    expect(original.exif).toBeUndefined();
    expect(image.files.map((f) => f.key.replace(image.hash, 'H'))).toEqual(['H.jpg', 'H-480.webp', 'H-480.avif', 'H-600.webp', 'H-600.avif']);
    expect((await sharp(image.files[2]!.bytes).metadata()).format).toBe('heif');
    expect(image.files[1]).toMatchObject({ width: 480, height: 960 });
  });

  it('gives the same hash to the same image uploaded twice', async () => {
    const png = await solid(50, 40).png().toBuffer();
    expect((await processImage(png)).hash).toBe((await processImage(png)).hash);
  });

  it.each([
    ['an SVG', Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), /SVG/],
    ['HTML named .png', Buffer.from('<!doctype html><p>hello</p>'), /不是可识别的图片/],
    ['an empty file', Buffer.alloc(0), /空/],
    ['a file over the size limit', Buffer.alloc(8 * 1024 * 1024 + 1), /不能超过 8 MB/],
  ])('refuses %s with a clear reason', async (_, bytes, reason) => {
    await expect(processImage(bytes)).rejects.toThrow(reason);
    await expect(processImage(bytes)).rejects.toBeInstanceOf(MediaInputError);
  });

  it('refuses an image with too many pixels before decoding it', async () => {
    const side = Math.ceil(Math.sqrt(MAX_IMAGE_PIXELS)) + 10;
    // PNG compresses a flat colour to a few kilobytes: small file, huge image.
    const bomb = await solid(side, side).png({ compressionLevel: 9 }).toBuffer();
    await expect(processImage(bomb)).rejects.toThrow(/像素过多/);
  });
});
