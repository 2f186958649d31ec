import 'server-only';
import { siteConfig } from '@/lib/site';

/** The site's time zone: every time the admin shows is in it, named beside. */
export async function siteTimeZone(): Promise<string> {
  return siteConfig.timeZone;
}
