-- The daily MyFitnessPal import needs every runner connected to a provider (and their time zone, to know
-- their yesterday and today), past RLS: ids and zones only, as rc_runner_time_zones does for the midnight scan.
CREATE OR REPLACE FUNCTION rc_provider_runners(p_provider text) RETURNS TABLE (user_id uuid, time_zone text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT u.id, coalesce(u.settings->>'timeZone', 'UTC') FROM public.provider_connections c
        JOIN public.users u ON u.id = c.user_id WHERE c.provider = p_provider AND u.deleted_at IS NULL $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION rc_provider_runners(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION rc_provider_runners(text) TO rc_app;
