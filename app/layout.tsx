import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { alternatesFor, defaultSocialImage, siteConfig, siteUrl } from '@/lib/site';
import './globals.css';
import './site-chrome.css';
import './article.css';
import './prose-blocks.css';
import './code.css';

export const metadata: Metadata = {
  metadataBase: siteUrl(),
  title: { default: siteConfig.name, template: `%s · ${siteConfig.name}` },
  description: siteConfig.description,
  alternates: { types: alternatesFor('/').types },
  openGraph: { siteName: siteConfig.name, locale: siteConfig.locale, type: 'website', images: [defaultSocialImage] },
  twitter: { card: 'summary_large_image', images: [defaultSocialImage] },
};

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
