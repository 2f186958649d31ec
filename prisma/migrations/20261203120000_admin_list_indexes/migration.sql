-- The admin's lists: every order they offer walks an index, titles and term
-- names in pinyin order through ICU's Chinese collation.
CREATE INDEX "posts_title_zh_idx" ON "posts" ("title" COLLATE "zh-x-icu", "id");
CREATE INDEX "posts_updated_idx" ON "posts" ("updated_at" DESC, "id" DESC);
CREATE INDEX "posts_published_idx" ON "posts" ("published_at" DESC, "id" DESC);
CREATE INDEX "tags_name_zh_idx" ON "tags" ("name" COLLATE "zh-x-icu", "id");
CREATE INDEX "categories_name_zh_idx" ON "categories" ("name" COLLATE "zh-x-icu", "id");
