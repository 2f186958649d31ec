-- Site settings editors change in /admin/settings: one row (id 1); absent, the defaults in lib/site.ts apply.
CREATE TABLE "site_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "time_zone" TEXT NOT NULL,
    "public_origin" TEXT,
    "logo_url" TEXT,
    "favicon_url" TEXT,
    "nav_links" JSONB NOT NULL DEFAULT '[]',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "site_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "site_settings_single_row" CHECK ("id" = 1)
);
