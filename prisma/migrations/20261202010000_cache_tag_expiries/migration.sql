-- Cache tag expiries: every instance LISTENs on "cache_tags" and reads the rows
-- numbered after the last one it heard (lib/cache/tag-listener.cjs).
CREATE SEQUENCE "cache_tag_expiries_seq";

-- CreateTable
CREATE TABLE "cache_tag_expiries" (
    "tag" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "expired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cache_tag_expiries_pkey" PRIMARY KEY ("tag")
);

-- CreateIndex
CREATE INDEX "cache_tag_expiries_seq_idx" ON "cache_tag_expiries"("seq");

-- The one writer (lib/cache/revalidate.ts, or psql by hand): numbers the expiry,
-- records it per tag and wakes every instance. The lock makes numbers commit in
-- order, so a listener that has read up to N never sees N-1 appear later.
CREATE FUNCTION "expire_cache_tags"(tags TEXT[]) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    next_seq BIGINT;
BEGIN
    PERFORM pg_advisory_xact_lock(7306120001);
    next_seq := nextval('cache_tag_expiries_seq');
    INSERT INTO "cache_tag_expiries" ("tag", "seq", "expired_at")
    SELECT DISTINCT t, next_seq, CURRENT_TIMESTAMP FROM unnest(tags) AS t
    ON CONFLICT ("tag") DO UPDATE SET "seq" = EXCLUDED."seq", "expired_at" = EXCLUDED."expired_at";
    PERFORM pg_notify('cache_tags', next_seq::TEXT);
    RETURN next_seq;
END
$$;
