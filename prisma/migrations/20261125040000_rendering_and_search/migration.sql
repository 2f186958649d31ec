-- AlterTable
ALTER TABLE "posts" ADD COLUMN     "html" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reading_minutes" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "render_hash" TEXT,
ADD COLUMN     "search_text" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "search_vector" tsvector,
ADD COLUMN     "toc" JSONB NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE INDEX "posts_search_idx" ON "posts" USING GIN ("search_vector");
