-- Post counts per tag, per category and per local month, kept by triggers in the
-- transaction of every write to posts, post_tags and post_categories, whatever
-- module makes it. A counter counts the posts that are published and not trashed
-- ("counted"); readers subtract the few counted posts dated in the future
-- (lib/terms/public.ts, lib/posts/archive.ts), which become public with time alone.

-- CreateTable
CREATE TABLE "tag_post_counts" (
    "tag_id" INTEGER NOT NULL,
    "posts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "tag_post_counts_pkey" PRIMARY KEY ("tag_id")
);

-- CreateTable
CREATE TABLE "category_post_counts" (
    "category_id" INTEGER NOT NULL,
    "posts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "category_post_counts_pkey" PRIMARY KEY ("category_id")
);

-- CreateTable
CREATE TABLE "month_post_counts" (
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "posts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "month_post_counts_pkey" PRIMARY KEY ("year", "month")
);

-- AddForeignKey
ALTER TABLE "tag_post_counts" ADD CONSTRAINT "tag_post_counts_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "category_post_counts" ADD CONSTRAINT "category_post_counts_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The wall-clock time a post was written at, in its own offset: its archive month.
CREATE FUNCTION "post_local_time"(published_at TIMESTAMPTZ, utc_offset INTEGER) RETURNS TIMESTAMP
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (published_at AT TIME ZONE 'UTC') + utc_offset * interval '1 minute'
$$;

-- Adds `deltas` (+1 a post now counted, -1 one no longer counted) to the counters of
-- each post's month and of the terms it is linked to now. Keys are locked in order,
-- so two writers never wait on each other's counters in a cycle.
CREATE FUNCTION "apply_post_count_changes"(ids INTEGER[], locals TIMESTAMP[], deltas INTEGER[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
    INSERT INTO "month_post_counts" AS c ("year", "month", "posts")
    SELECT extract(year FROM x.l)::int, extract(month FROM x.l)::int, sum(x.d)
    FROM unnest(locals, deltas) AS x(l, d) GROUP BY 1, 2 HAVING sum(x.d) <> 0 ORDER BY 1, 2
    ON CONFLICT ("year", "month") DO UPDATE SET "posts" = c."posts" + EXCLUDED."posts";

    INSERT INTO "tag_post_counts" AS c ("tag_id", "posts")
    SELECT l."tag_id", sum(x.d) FROM unnest(ids, deltas) AS x(id, d)
    JOIN "post_tags" l ON l."post_id" = x.id JOIN "tags" t ON t."id" = l."tag_id"
    GROUP BY 1 HAVING sum(x.d) <> 0 ORDER BY 1
    ON CONFLICT ("tag_id") DO UPDATE SET "posts" = c."posts" + EXCLUDED."posts";

    INSERT INTO "category_post_counts" AS c ("category_id", "posts")
    SELECT l."category_id", sum(x.d) FROM unnest(ids, deltas) AS x(id, d)
    JOIN "post_categories" l ON l."post_id" = x.id JOIN "categories" t ON t."id" = l."category_id"
    GROUP BY 1 HAVING sum(x.d) <> 0 ORDER BY 1
    ON CONFLICT ("category_id") DO UPDATE SET "posts" = c."posts" + EXCLUDED."posts";
END
$$;

CREATE FUNCTION "count_inserted_posts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "apply_post_count_changes"(array_agg(n."id"), array_agg(post_local_time(n."published_at", n."utc_offset")), array_agg(1))
    FROM new_rows n WHERE n."status" = 'published' AND n."deleted_at" IS NULL;
    RETURN NULL;
END
$$;

-- Only rows whose counted state or month changed move a counter.
CREATE FUNCTION "count_updated_posts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "apply_post_count_changes"(array_agg(c.id), array_agg(c.l), array_agg(c.d))
    FROM (
        SELECT o."id", post_local_time(o."published_at", o."utc_offset"), -1
        FROM old_rows o JOIN new_rows n ON n."id" = o."id"
        WHERE o."status" = 'published' AND o."deleted_at" IS NULL
          AND (n."status" <> 'published' OR n."deleted_at" IS NOT NULL
               OR post_local_time(o."published_at", o."utc_offset") <> post_local_time(n."published_at", n."utc_offset"))
        UNION ALL
        SELECT n."id", post_local_time(n."published_at", n."utc_offset"), 1
        FROM old_rows o JOIN new_rows n ON n."id" = o."id"
        WHERE n."status" = 'published' AND n."deleted_at" IS NULL
          AND (o."status" <> 'published' OR o."deleted_at" IS NOT NULL
               OR post_local_time(o."published_at", o."utc_offset") <> post_local_time(n."published_at", n."utc_offset"))
    ) AS c(id, l, d);
    RETURN NULL;
END
$$;

-- Before the row goes: its links are still there to count down (the cascade that
-- removes them then finds no post, and counts nothing).
CREATE FUNCTION "count_deleted_post"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD."status" = 'published' AND OLD."deleted_at" IS NULL THEN
        PERFORM "apply_post_count_changes"(ARRAY[OLD."id"], ARRAY[post_local_time(OLD."published_at", OLD."utc_offset")], ARRAY[-1]);
    END IF;
    RETURN OLD;
END
$$;

CREATE FUNCTION "reset_post_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'posts' THEN DELETE FROM "month_post_counts"; END IF;
    IF TG_TABLE_NAME IN ('posts', 'post_tags') THEN DELETE FROM "tag_post_counts"; END IF;
    IF TG_TABLE_NAME IN ('posts', 'post_categories') THEN DELETE FROM "category_post_counts"; END IF;
    RETURN NULL;
END
$$;

-- Links added or removed: +1 or -1 for each whose post is counted now. (A trigger
-- with transition tables has one event, so each branch reads only its own tables.)
CREATE FUNCTION "apply_link_count_changes"(kind TEXT, post_ids INTEGER[], term_ids INTEGER[], deltas INTEGER[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(cardinality(post_ids), 0) = 0 THEN RETURN; END IF;
    IF kind = 'tag' THEN
        INSERT INTO "tag_post_counts" AS c ("tag_id", "posts")
        SELECT l.term_id, sum(l.d) FROM unnest(post_ids, term_ids, deltas) AS l(post_id, term_id, d)
        JOIN "posts" p ON p."id" = l.post_id JOIN "tags" t ON t."id" = l.term_id
        WHERE p."status" = 'published' AND p."deleted_at" IS NULL
        GROUP BY 1 HAVING sum(l.d) <> 0 ORDER BY 1
        ON CONFLICT ("tag_id") DO UPDATE SET "posts" = c."posts" + EXCLUDED."posts";
    ELSE
        INSERT INTO "category_post_counts" AS c ("category_id", "posts")
        SELECT l.term_id, sum(l.d) FROM unnest(post_ids, term_ids, deltas) AS l(post_id, term_id, d)
        JOIN "posts" p ON p."id" = l.post_id JOIN "categories" t ON t."id" = l.term_id
        WHERE p."status" = 'published' AND p."deleted_at" IS NULL
        GROUP BY 1 HAVING sum(l.d) <> 0 ORDER BY 1
        ON CONFLICT ("category_id") DO UPDATE SET "posts" = c."posts" + EXCLUDED."posts";
    END IF;
END
$$;

CREATE FUNCTION "count_tag_links"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM "apply_link_count_changes"('tag', array_agg("post_id"), array_agg("tag_id"), array_agg(1)) FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM "apply_link_count_changes"('tag', array_agg("post_id"), array_agg("tag_id"), array_agg(-1)) FROM old_rows;
    ELSE
        PERFORM "apply_link_count_changes"('tag', array_agg(l.post_id), array_agg(l.term_id), array_agg(l.d)) FROM (
            SELECT "post_id", "tag_id", 1 FROM new_rows UNION ALL SELECT "post_id", "tag_id", -1 FROM old_rows
        ) AS l(post_id, term_id, d);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION "count_category_links"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM "apply_link_count_changes"('category', array_agg("post_id"), array_agg("category_id"), array_agg(1)) FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM "apply_link_count_changes"('category', array_agg("post_id"), array_agg("category_id"), array_agg(-1)) FROM old_rows;
    ELSE
        PERFORM "apply_link_count_changes"('category', array_agg(l.post_id), array_agg(l.term_id), array_agg(l.d)) FROM (
            SELECT "post_id", "category_id", 1 FROM new_rows UNION ALL SELECT "post_id", "category_id", -1 FROM old_rows
        ) AS l(post_id, term_id, d);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "posts_count_insert" AFTER INSERT ON "posts" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "count_inserted_posts"();
CREATE TRIGGER "posts_count_update" AFTER UPDATE ON "posts" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "count_updated_posts"();
CREATE TRIGGER "posts_count_delete" BEFORE DELETE ON "posts"
    FOR EACH ROW EXECUTE FUNCTION "count_deleted_post"();
CREATE TRIGGER "posts_count_truncate" AFTER TRUNCATE ON "posts"
    FOR EACH STATEMENT EXECUTE FUNCTION "reset_post_counts"();

CREATE TRIGGER "post_tags_count_insert" AFTER INSERT ON "post_tags" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "count_tag_links"();
CREATE TRIGGER "post_tags_count_update" AFTER UPDATE ON "post_tags" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "count_tag_links"();
CREATE TRIGGER "post_tags_count_delete" AFTER DELETE ON "post_tags" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "count_tag_links"();
CREATE TRIGGER "post_tags_count_truncate" AFTER TRUNCATE ON "post_tags"
    FOR EACH STATEMENT EXECUTE FUNCTION "reset_post_counts"();

CREATE TRIGGER "post_categories_count_insert" AFTER INSERT ON "post_categories" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "count_category_links"();
CREATE TRIGGER "post_categories_count_update" AFTER UPDATE ON "post_categories" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "count_category_links"();
CREATE TRIGGER "post_categories_count_delete" AFTER DELETE ON "post_categories" REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION "count_category_links"();
CREATE TRIGGER "post_categories_count_truncate" AFTER TRUNCATE ON "post_categories"
    FOR EACH STATEMENT EXECUTE FUNCTION "reset_post_counts"();

-- The counters of the posts already there.
INSERT INTO "month_post_counts" ("year", "month", "posts")
SELECT extract(year FROM l)::int, extract(month FROM l)::int, count(*)
FROM (SELECT post_local_time("published_at", "utc_offset") AS l FROM "posts" WHERE "status" = 'published' AND "deleted_at" IS NULL) AS t
GROUP BY 1, 2;

INSERT INTO "tag_post_counts" ("tag_id", "posts")
SELECT l."tag_id", count(*) FROM "post_tags" l JOIN "posts" p ON p."id" = l."post_id"
WHERE p."status" = 'published' AND p."deleted_at" IS NULL GROUP BY 1;

INSERT INTO "category_post_counts" ("category_id", "posts")
SELECT l."category_id", count(*) FROM "post_categories" l JOIN "posts" p ON p."id" = l."post_id"
WHERE p."status" = 'published' AND p."deleted_at" IS NULL GROUP BY 1;
