-- The role every request runs as (SET LOCAL ROLE), so Row-Level Security applies even when the server
-- connects as a superuser or as the tables' owner. Roles are cluster-wide: create it only if missing,
-- and tolerate another database's migration creating it at the same moment.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rc_app') THEN
    CREATE ROLE rc_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;
--> statement-breakpoint
-- The migrating (connecting) role must be able to SET ROLE rc_app; a superuser already can.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'rc_app', 'MEMBER') THEN
    EXECUTE format('GRANT rc_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO rc_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO rc_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO rc_app;
