CREATE TABLE "sync_clock" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sync_clock" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sync_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"table_name" text NOT NULL,
	"record_id" text NOT NULL,
	"rule" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sync_conflicts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sync_requests" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_requests_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
ALTER TABLE "sync_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sync_tombstones" (
	"user_id" uuid NOT NULL,
	"table_name" text NOT NULL,
	"record_id" text NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "sync_tombstones_user_id_table_name_record_id_pk" PRIMARY KEY("user_id","table_name","record_id")
);
--> statement-breakpoint
ALTER TABLE "sync_tombstones" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
-- uuid -> text ids (WatermelonDB clients make their own): the foreign keys go while both sides change type.
ALTER TABLE "scheduled_workouts" DROP CONSTRAINT "scheduled_workouts_plan_id_training_plans_id_fk";--> statement-breakpoint
ALTER TABLE "activity_samples" DROP CONSTRAINT "activity_samples_activity_id_activities_id_fk";--> statement-breakpoint
ALTER TABLE "pending_tasks" DROP CONSTRAINT "pending_tasks_activity_id_activities_id_fk";--> statement-breakpoint
ALTER TABLE "activities" ALTER COLUMN "id" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "activities" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()::text;--> statement-breakpoint
ALTER TABLE "activity_samples" ALTER COLUMN "activity_id" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "daily_metrics" ALTER COLUMN "id" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "daily_metrics" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()::text;--> statement-breakpoint
ALTER TABLE "pending_tasks" ALTER COLUMN "activity_id" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "scheduled_workouts" ALTER COLUMN "plan_id" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "scheduled_workouts" ALTER COLUMN "completed_activity_id" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "training_plans" ALTER COLUMN "id" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "scheduled_workouts" ADD CONSTRAINT "scheduled_workouts_plan_id_training_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."training_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_samples" ADD CONSTRAINT "activity_samples_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_tasks" ADD CONSTRAINT "pending_tasks_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "sync_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "sync_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_metrics" ADD COLUMN "sync_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rolling_stats" ADD COLUMN "sync_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "scheduled_workouts" ADD COLUMN "sync_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "training_plans" ADD COLUMN "sync_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "settings_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_clock" ADD CONSTRAINT "sync_clock_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_conflicts" ADD CONSTRAINT "sync_conflicts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_requests" ADD CONSTRAINT "sync_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_tombstones" ADD CONSTRAINT "sync_tombstones_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_conflicts_user_created_idx" ON "sync_conflicts" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "sync_requests_created_idx" ON "sync_requests" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sync_tombstones_user_version_idx" ON "sync_tombstones" USING btree ("user_id","version","record_id");--> statement-breakpoint
CREATE INDEX "activities_user_sync_version_idx" ON "activities" USING btree ("user_id","sync_version","id");--> statement-breakpoint
CREATE INDEX "alerts_user_sync_version_idx" ON "alerts" USING btree ("user_id","sync_version","id");--> statement-breakpoint
CREATE INDEX "daily_metrics_user_sync_version_idx" ON "daily_metrics" USING btree ("user_id","sync_version","id");--> statement-breakpoint
CREATE INDEX "rolling_stats_user_sync_version_idx" ON "rolling_stats" USING btree ("user_id","sync_version","id");--> statement-breakpoint
CREATE INDEX "scheduled_workouts_user_sync_version_idx" ON "scheduled_workouts" USING btree ("user_id","sync_version","id");--> statement-breakpoint
CREATE INDEX "training_plans_user_sync_version_idx" ON "training_plans" USING btree ("user_id","sync_version","id");--> statement-breakpoint
CREATE POLICY "sync_clock_owner" ON "sync_clock" AS PERMISSIVE FOR ALL TO "rc_app" USING ("sync_clock"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("sync_clock"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "sync_conflicts_owner" ON "sync_conflicts" AS PERMISSIVE FOR ALL TO "rc_app" USING ("sync_conflicts"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("sync_conflicts"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "sync_requests_owner" ON "sync_requests" AS PERMISSIVE FOR ALL TO "rc_app" USING ("sync_requests"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("sync_requests"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "sync_tombstones_owner" ON "sync_tombstones" AS PERMISSIVE FOR ALL TO "rc_app" USING ("sync_tombstones"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("sync_tombstones"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
-- The runner's next sync version, taken once per transaction (cached in a transaction-local setting): the
-- sync_clock row lock orders one runner's writing transactions, so versions follow commit order, and
-- greatest(.., now in ms) keeps them epoch milliseconds as API.md says sync timestamps are.
CREATE OR REPLACE FUNCTION rc_sync_next_version(p_user uuid) RETURNS bigint
  LANGUAGE plpgsql AS $$
DECLARE
  cached text := current_setting('rc.sync_version', true);
  v bigint;
BEGIN
  IF cached IS NOT NULL AND cached <> '' AND split_part(cached, '/', 1) = p_user::text THEN
    RETURN split_part(cached, '/', 2)::bigint;
  END IF;
  INSERT INTO public.sync_clock AS c (user_id, version)
    VALUES (p_user, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
  ON CONFLICT (user_id) DO UPDATE
    SET version = greatest(c.version + 1, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
  RETURNING c.version INTO v;
  PERFORM set_config('rc.sync_version', p_user::text || '/' || v::text, true);
  RETURN v;
END $$;
--> statement-breakpoint
-- Every insert or real change of a synced row takes the version (an update that changes nothing but
-- updated_at keeps it, so recomputations do not resend; sync_version = -1 forces a bump, for overrides).
-- A server-made row re-inserted under a deleted id is alive again: its tombstone goes.
CREATE OR REPLACE FUNCTION rc_sync_stamp() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.sync_version IS DISTINCT FROM -1
     AND (to_jsonb(NEW) - 'updated_at' - 'sync_version') = (to_jsonb(OLD) - 'updated_at' - 'sync_version') THEN
    NEW.sync_version := OLD.sync_version;
    RETURN NEW;
  END IF;
  NEW.sync_version := rc_sync_next_version(NEW.user_id);
  IF TG_OP = 'INSERT' THEN
    DELETE FROM public.sync_tombstones
      WHERE user_id = NEW.user_id AND table_name = TG_TABLE_NAME AND record_id = NEW.id::text;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- Every delete of a synced row (direct, cascaded or by a pipeline) leaves a tombstone at the next version.
-- Not when the runner row itself is gone (account deletion cascading): nothing is left to sync to.
CREATE OR REPLACE FUNCTION rc_sync_tombstone() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM public.users WHERE id = OLD.user_id) THEN
    RETURN OLD;
  END IF;
  INSERT INTO public.sync_tombstones (user_id, table_name, record_id, version)
    VALUES (OLD.user_id, TG_TABLE_NAME, OLD.id::text, rc_sync_next_version(OLD.user_id))
  ON CONFLICT (user_id, table_name, record_id) DO UPDATE SET version = excluded.version;
  RETURN OLD;
END $$;
--> statement-breakpoint
-- The virtual user_settings record is users.settings: its version moves only when the settings change.
CREATE OR REPLACE FUNCTION rc_sync_stamp_settings() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.settings IS DISTINCT FROM OLD.settings OR NEW.settings_version = -1 THEN
    NEW.settings_version := rc_sync_next_version(NEW.id);
  ELSE
    NEW.settings_version := OLD.settings_version;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_sync_settings BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION rc_sync_stamp_settings();
--> statement-breakpoint
CREATE TRIGGER activities_sync_stamp BEFORE INSERT OR UPDATE ON activities FOR EACH ROW EXECUTE FUNCTION rc_sync_stamp();
--> statement-breakpoint
CREATE TRIGGER activities_sync_tombstone AFTER DELETE ON activities FOR EACH ROW EXECUTE FUNCTION rc_sync_tombstone();
--> statement-breakpoint
CREATE TRIGGER daily_metrics_sync_stamp BEFORE INSERT OR UPDATE ON daily_metrics FOR EACH ROW EXECUTE FUNCTION rc_sync_stamp();
--> statement-breakpoint
CREATE TRIGGER daily_metrics_sync_tombstone AFTER DELETE ON daily_metrics FOR EACH ROW EXECUTE FUNCTION rc_sync_tombstone();
--> statement-breakpoint
CREATE TRIGGER training_plans_sync_stamp BEFORE INSERT OR UPDATE ON training_plans FOR EACH ROW EXECUTE FUNCTION rc_sync_stamp();
--> statement-breakpoint
CREATE TRIGGER training_plans_sync_tombstone AFTER DELETE ON training_plans FOR EACH ROW EXECUTE FUNCTION rc_sync_tombstone();
--> statement-breakpoint
CREATE TRIGGER scheduled_workouts_sync_stamp BEFORE INSERT OR UPDATE ON scheduled_workouts FOR EACH ROW EXECUTE FUNCTION rc_sync_stamp();
--> statement-breakpoint
CREATE TRIGGER scheduled_workouts_sync_tombstone AFTER DELETE ON scheduled_workouts FOR EACH ROW EXECUTE FUNCTION rc_sync_tombstone();
--> statement-breakpoint
CREATE TRIGGER rolling_stats_sync_stamp BEFORE INSERT OR UPDATE ON rolling_stats FOR EACH ROW EXECUTE FUNCTION rc_sync_stamp();
--> statement-breakpoint
CREATE TRIGGER rolling_stats_sync_tombstone AFTER DELETE ON rolling_stats FOR EACH ROW EXECUTE FUNCTION rc_sync_tombstone();
--> statement-breakpoint
CREATE TRIGGER alerts_sync_stamp BEFORE INSERT OR UPDATE ON alerts FOR EACH ROW EXECUTE FUNCTION rc_sync_stamp();
--> statement-breakpoint
CREATE TRIGGER alerts_sync_tombstone AFTER DELETE ON alerts FOR EACH ROW EXECUTE FUNCTION rc_sync_tombstone();
