-- The admin list's sort indexes carry deleted_at, so a page read by number (page 1,000
-- skips 24,975 posts) and the count behind the pager walk the index alone, without
-- visiting each skipped post's row to ask whether it is in the trash.
DROP INDEX "posts_updated_idx";
CREATE INDEX "posts_updated_idx" ON "posts" ("updated_at" DESC, "id" DESC, "deleted_at");
DROP INDEX "posts_published_idx";
CREATE INDEX "posts_published_idx" ON "posts" ("published_at" DESC, "id" DESC, "deleted_at");
DROP INDEX "posts_title_zh_idx";
CREATE INDEX "posts_title_zh_idx" ON "posts" ("title" COLLATE "zh-x-icu", "id", "deleted_at");
