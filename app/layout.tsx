import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { alternatesFor, defaultSocialImage, siteConfig, siteUrl } from '@/lib/site';
import './globals.css';
import './site-chrome.css';
import './article.css';
import './prose-blocks.css';
import './code.css';
// Formulas are typeset at save time (lib/render/math.ts); KaTeX's styles and fonts (scripts/katex-css.mjs) are built into
// /_next/static with the rest, so an article links one stylesheet, which every page shares.
import './katex.css';

export const metadata: Metadata = {
  metadataBase: siteUrl(),
  title: { default: siteConfig.name, template: `%s · ${siteConfig.name}` },
  description: siteConfig.description,
  alternates: { types: alternatesFor('/').types },
  // The site's name ends every title; Open Graph does not say it again.
  openGraph: { locale: siteConfig.locale, type: 'website', images: [defaultSocialImage] },
  twitter: { card: 'summary_large_image', images: [defaultSocialImage] },
};

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
