-- Sign-in must find a runner by email before it knows whose rows it may see. This one narrow function
-- runs as the tables' owner (past RLS) and returns only the id; everything after runs as that runner.
CREATE OR REPLACE FUNCTION rc_user_id_by_email(p_email text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT id FROM public.users WHERE email = lower(p_email) AND deleted_at IS NULL $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION rc_user_id_by_email(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION rc_user_id_by_email(text) TO rc_app;
