-- The SHA-256 of the file an import read, kept beside it and indexed: a re-import
-- looks up a chunk's files by hash instead of hashing every imported post's text.
ALTER TABLE "revisions" ADD COLUMN "source_hash" TEXT;

UPDATE "revisions" SET "source_hash" = encode(sha256(convert_to("source_text", 'UTF8')), 'hex') WHERE "source_text" IS NOT NULL;

CREATE INDEX "revisions_source_hash_idx" ON "revisions"("source_hash");
