import type { SiteSettings } from './read';

/** What the settings form's fields hold: the stored settings as text. */
export const SETTINGS_FIELDS = ['title', 'description', 'timeZone', 'publicOrigin', 'logoUrl', 'faviconUrl', 'navLinks', 'postsPerPage'] as const;

export type SettingsField = (typeof SETTINGS_FIELDS)[number];

export type SettingsFormValues = Record<SettingsField, string>;

export function toFormValues(settings: SiteSettings): SettingsFormValues {
  return {
    title: settings.title,
    description: settings.description,
    timeZone: settings.timeZone,
    publicOrigin: settings.publicOrigin ?? '',
    logoUrl: settings.logoUrl ?? '',
    faviconUrl: settings.faviconUrl ?? '',
    navLinks: settings.navLinks.map((l) => `${l.label} | ${l.href}`).join('\n'),
    postsPerPage: String(settings.postsPerPage),
  };
}
