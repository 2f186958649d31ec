import pg from 'pg';

/** The public origin saved in the site settings, or null (none saved, or no settings table yet). */
export async function storedPublicOrigin(databaseUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ public_origin: string | null }>('SELECT public_origin FROM site_settings WHERE id = 1');
    return rows[0]?.public_origin ?? null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

/** What `npm start` prints in production when absolute URLs would point at localhost; null when an origin is configured. */
export function publicOriginWarning(siteUrl: string | undefined, stored: string | null): string | null {
  if (siteUrl || stored) return null;
  return 'Warning: no public origin is configured, so canonical, feed and Open Graph URLs point at localhost. Set SITE_URL or the public URL in /admin/settings.';
}
