import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getSiteSettings, publicOrigin } from '@/lib/settings/read';
import { alternatesFor, defaultSocialImage, siteConfig } from '@/lib/site';
import './globals.css';
import './site-chrome.css';
import './article.css';
import './prose-blocks.css';
import './code.css';

/** From the site settings (cached under the `site` tag, so a saved change reaches every page without a rebuild). */
export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  const image = { ...defaultSocialImage, alt: settings.title };
  return {
    metadataBase: await publicOrigin(),
    title: { default: settings.title, template: `%s · ${settings.title}` },
    description: settings.description,
    alternates: { types: alternatesFor('/', settings.title).types },
    openGraph: { siteName: settings.title, locale: siteConfig.locale, type: 'website', images: [image] },
    twitter: { card: 'summary_large_image', images: [image] },
    ...(settings.faviconUrl ? { icons: { icon: settings.faviconUrl } } : {}),
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#16181d' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={siteConfig.lang}>
      <body>{children}</body>
    </html>
  );
}
