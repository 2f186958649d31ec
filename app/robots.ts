import type { MetadataRoute } from 'next';
import { publicOrigin } from '@/lib/settings/read';

export default async function robots(): Promise<MetadataRoute.Robots> {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/api/', '/search'] },
    sitemap: `${(await publicOrigin()).origin}/sitemap.xml`,
  };
}
