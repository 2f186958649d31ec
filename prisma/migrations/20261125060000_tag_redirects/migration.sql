-- CreateTable
CREATE TABLE "tag_redirects" (
    "slug" TEXT NOT NULL,
    "tag_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tag_redirects_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "tag_redirects_tag_id_idx" ON "tag_redirects"("tag_id");

-- AddForeignKey
ALTER TABLE "tag_redirects" ADD CONSTRAINT "tag_redirects_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE;
