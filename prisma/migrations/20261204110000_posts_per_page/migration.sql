-- How many posts each public list (home, tags, categories, search) shows per page; the form allows 1-100.
ALTER TABLE "site_settings" ADD COLUMN "posts_per_page" INTEGER NOT NULL DEFAULT 10;
ALTER TABLE "site_settings" ADD CONSTRAINT "site_settings_posts_per_page" CHECK ("posts_per_page" BETWEEN 1 AND 100);
