-- Roles for a shared Scale Across database on PostgreSQL (README: "One history for the organisation").
-- Run as the database's owner, after the app has opened the database once (the owner's first
-- open creates the tables). Replace coalitions_db with the database's name.
--
-- scale_across_facilitator: runs events: reads and writes every record.
-- scale_across_reader: a lead who reviews history: reads only; the app opens read-only and says so.
-- Give people a login role IN ROLE one of these, e.g.:
--   CREATE ROLE maria LOGIN IN ROLE scale_across_facilitator;
--   CREATE ROLE lead_anna LOGIN IN ROLE scale_across_reader;
-- and let them keep their password in ~/.pgpass, never in the URL.
-- Schema upgrades after an app update are made by the owner: open the app (or run
-- `scale-across db check` then any command) once as the owner; the others wait for it.

DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'scale_across_facilitator') THEN
        CREATE ROLE scale_across_facilitator NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'scale_across_reader') THEN
        CREATE ROLE scale_across_reader NOLOGIN;
    END IF;
END $$;

GRANT CONNECT ON DATABASE coalitions_db TO scale_across_facilitator, scale_across_reader;
GRANT USAGE ON SCHEMA public TO scale_across_facilitator, scale_across_reader;

-- Facilitators: every record, and the search index the triggers keep (its table and numbering).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO scale_across_facilitator;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO scale_across_facilitator;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO scale_across_facilitator;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO scale_across_facilitator;

-- Readers: select only.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO scale_across_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO scale_across_reader;
