import 'server-only';
import { getSiteSettings } from './read';

/** The site's time zone (a setting): every time the admin shows is in it, named beside. */
export async function siteTimeZone(): Promise<string> {
  return (await getSiteSettings()).timeZone;
}
