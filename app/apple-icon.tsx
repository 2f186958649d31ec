import { ImageResponse } from 'next/og';
import { BrandMark } from '@/components/brand/brand-mark';

export const size = { width: 180, height: 180 };
export const contentType = 'image/png';

/** The home-screen icon, drawn from the same mark as app/icon.svg. */
export default function AppleIcon() {
  return new ImageResponse(<BrandMark size={180} />, size);
}
