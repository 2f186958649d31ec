import { ImageResponse } from 'next/og';
import { BrandMark } from '@/components/brand/brand-mark';
import { defaultSocialImage } from '@/lib/site';

/** The Open Graph and Twitter image of pages and posts that have none of their own (no text: no font to fetch). */
export function GET() {
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg, #0b57d0, #16181d)' }}>
        <BrandMark size={280} />
      </div>
    ),
    { width: defaultSocialImage.width, height: defaultSocialImage.height },
  );
}
