'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { siteConfig } from '@/lib/site';

const SiteClock = createContext<string>(siteConfig.timeZone);

/** Gives the admin's client components the site's time zone, read on the server. */
export function SiteClockProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <SiteClock value={timeZone}>{children}</SiteClock>;
}

/** The site's time zone, for times client components show. */
export const useSiteTimeZone = () => useContext(SiteClock);
