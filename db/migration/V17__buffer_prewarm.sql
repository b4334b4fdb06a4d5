-- pg_prewarm (shipped with PostgreSQL's contrib modules) lets a starting instance load what readers
-- read into PostgreSQL's shared buffers before it reports ready (io.newsroom.operations.DatabaseBufferWarmUp):
-- after a database restart, the first minute of random article pages otherwise ran at half the settled
-- rate while the buffers filled (bench/run.sh). It is optional: without the module, or without the
-- right to create extensions, nothing fails and the buffers fill from readers' requests as before.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_prewarm') THEN
        CREATE EXTENSION IF NOT EXISTS pg_prewarm;
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'pg_prewarm not created (%): the warm-up will not load PostgreSQL''s buffers', SQLERRM;
END
$$;
