import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { defaultSocialImageOf, getSiteSettings, pageAlternates, publicOrigin } from '@/lib/settings/read';
import { siteIcons } from '@/lib/settings/icons';
import { siteConfig } from '@/lib/site';
import './globals.css';
import './site-chrome.css';
import './article.css';
import './prose-blocks.css';
import './code.css';
// Formulas are typeset at save time (lib/render/math.ts); KaTeX's styles and fonts (scripts/katex-css.mjs) are built into
// /_next/static with the rest, so an article links one stylesheet, which every page shares.
import './katex.css';

/** From the site settings (cached under the `site` tag, so a saved change reaches every page without a rebuild). */
export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  const image = await defaultSocialImageOf();
  return {
    metadataBase: await publicOrigin(),
    title: { default: settings.title, template: `%s · ${settings.title}` },
    description: settings.description,
    alternates: { types: (await pageAlternates('/')).types },
    // The site's name ends every title; Open Graph does not say it again.
    openGraph: { locale: siteConfig.locale, type: 'website', images: [image] },
    twitter: { card: 'summary_large_image', images: [image] },
    icons: siteIcons(settings.faviconUrl),
  };
}

/** The first theme colour whose media matches wins: dark where asked for, light everywhere else. */
export const viewport: Viewport = {
  themeColor: [{ media: '(prefers-color-scheme: dark)', color: '#16181d' }, { color: '#ffffff' }],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={siteConfig.lang}>
      <body>{children}</body>
    </html>
  );
}
