import { ImageResponse } from 'next/og';
import { BrandMark } from '@/components/brand/brand-mark';

/** The default home-screen icon, drawn from the same mark as public/icon.svg (a configured favicon replaces both: app/layout.tsx). */
export function GET() {
  return new ImageResponse(<BrandMark size={180} />, { width: 180, height: 180 });
}
