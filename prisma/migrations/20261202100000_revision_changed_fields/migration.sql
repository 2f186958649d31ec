-- What each revision changed against the one before it, stored at save time so
-- the history page lists revisions without reading their bodies.
ALTER TABLE "revisions" ADD COLUMN "changed_fields" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

-- Backfill with the comparison lib/revisions/diff.ts (changedFields) makes: the
-- front-matter fields whose values differ (the older revision's fields first, in
-- their order, then fields only the newer one has), then `format`, then `body`
-- (line endings and one final newline aside).
UPDATE "revisions" r
SET "changed_fields" = ARRAY(
        SELECT f.key FROM (
            SELECT e.key, 1 AS side, e.ord
            FROM jsonb_each(p."front_matter") WITH ORDINALITY AS e(key, value, ord)
            WHERE r."front_matter" -> e.key IS DISTINCT FROM e.value
            UNION ALL
            SELECT e.key, 2 AS side, e.ord
            FROM jsonb_each(r."front_matter") WITH ORDINALITY AS e(key, value, ord)
            WHERE NOT p."front_matter" ? e.key
        ) f
        ORDER BY f.side, f.ord
    )
    || CASE WHEN p."format" <> r."format" THEN ARRAY['format'] ELSE ARRAY[]::TEXT[] END
    || CASE
        WHEN regexp_replace(regexp_replace(p."body", E'\r\n?', E'\n', 'g'), E'\n$', '')
          <> regexp_replace(regexp_replace(r."body", E'\r\n?', E'\n', 'g'), E'\n$', '')
        THEN ARRAY['body'] ELSE ARRAY[]::TEXT[] END
FROM "revisions" p
WHERE p."post_id" = r."post_id" AND p."number" = r."number" - 1;
