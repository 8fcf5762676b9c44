CREATE TABLE "activity_origins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"activity_id" text NOT NULL,
	"kind" text NOT NULL,
	"external_id" text NOT NULL,
	"sha256" text NOT NULL,
	"format" text,
	"object_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_origins" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "device_secrets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"device_name" text NOT NULL,
	"secret_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "device_secrets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "oauth_states" (
	"state" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"code_verifier_enc" text,
	"redirect_uri" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "oauth_states" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "provider_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"external_user_id" text NOT NULL,
	"access_token_enc" text NOT NULL,
	"refresh_token_enc" text,
	"expires_at" timestamp with time zone,
	"scope" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "provider_connections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"event_key" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "webhook_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "activity_origins" ADD CONSTRAINT "activity_origins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_origins" ADD CONSTRAINT "activity_origins_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_secrets" ADD CONSTRAINT "device_secrets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_connections" ADD CONSTRAINT "provider_connections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_origins_user_kind_external_activity_key" ON "activity_origins" USING btree ("user_id","kind","external_id","activity_id");--> statement-breakpoint
CREATE INDEX "activity_origins_activity_idx" ON "activity_origins" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "device_secrets_user_idx" ON "device_secrets" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_connections_user_provider_key" ON "provider_connections" USING btree ("user_id","provider");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_connections_provider_external_key" ON "provider_connections" USING btree ("provider","external_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_events_provider_key" ON "webhook_events" USING btree ("provider","event_key");--> statement-breakpoint
CREATE INDEX "webhook_events_user_idx" ON "webhook_events" USING btree ("user_id","received_at");--> statement-breakpoint
CREATE POLICY "activity_origins_owner" ON "activity_origins" AS PERMISSIVE FOR ALL TO "rc_app" USING ("activity_origins"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("activity_origins"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "device_secrets_owner" ON "device_secrets" AS PERMISSIVE FOR ALL TO "rc_app" USING ("device_secrets"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("device_secrets"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "oauth_states_owner" ON "oauth_states" AS PERMISSIVE FOR ALL TO "rc_app" USING ("oauth_states"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("oauth_states"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "provider_connections_owner" ON "provider_connections" AS PERMISSIVE FOR ALL TO "rc_app" USING ("provider_connections"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("provider_connections"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "webhook_events_owner" ON "webhook_events" AS PERMISSIVE FOR ALL TO "rc_app" USING ("webhook_events"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("webhook_events"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
-- Webhooks and OAuth callbacks carry no session: find the runner past RLS, returning only the id.
CREATE OR REPLACE FUNCTION rc_user_id_by_provider_account(p_provider text, p_external text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT user_id FROM public.provider_connections WHERE provider = p_provider AND external_user_id = p_external $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION rc_user_id_by_provider_account(text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION rc_user_id_by_provider_account(text, text) TO rc_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rc_user_id_by_oauth_state(p_state text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT user_id FROM public.oauth_states WHERE state = p_state AND expires_at > now() $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION rc_user_id_by_oauth_state(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION rc_user_id_by_oauth_state(text) TO rc_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rc_user_id_by_device_secret(p_id uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
  AS $$ SELECT user_id FROM public.device_secrets WHERE id = p_id AND revoked_at IS NULL $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION rc_user_id_by_device_secret(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION rc_user_id_by_device_secret(uuid) TO rc_app;
