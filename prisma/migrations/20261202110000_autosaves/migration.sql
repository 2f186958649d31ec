-- The editor's unsaved state per user and post, kept apart from revisions.
CREATE TABLE "autosaves" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "post_id" INTEGER,
    "fields" JSONB NOT NULL,
    "base_version" INTEGER NOT NULL,
    "saved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "autosaves_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "autosaves_user_id_post_id_key" ON "autosaves"("user_id", "post_id");

CREATE INDEX "autosaves_post_id_idx" ON "autosaves"("post_id");

ALTER TABLE "autosaves" ADD CONSTRAINT "autosaves_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "autosaves" ADD CONSTRAINT "autosaves_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
