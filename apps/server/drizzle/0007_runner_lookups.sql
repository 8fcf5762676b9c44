-- A calendar app fetching `plan/calendar.ics?token=` has no session: find the runner by the feed's secret,
-- past RLS, returning only the id (as rc_user_id_by_email does for sign-in).
CREATE OR REPLACE FUNCTION rc_user_id_by_calendar_token(p_token text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT id FROM public.users WHERE calendar_token = p_token AND deleted_at IS NULL $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION rc_user_id_by_calendar_token(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION rc_user_id_by_calendar_token(text) TO rc_app;
--> statement-breakpoint
-- The midnight scan needs every runner's time zone (and nothing else) to know whose day just ended.
CREATE OR REPLACE FUNCTION rc_runner_time_zones() RETURNS TABLE (user_id uuid, time_zone text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT id, coalesce(settings->>'timeZone', 'UTC') FROM public.users WHERE deleted_at IS NULL $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION rc_runner_time_zones() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION rc_runner_time_zones() TO rc_app;
