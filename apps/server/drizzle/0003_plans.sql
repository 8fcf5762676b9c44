CREATE TABLE "scheduled_workouts" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"date" date NOT NULL,
	"type" text NOT NULL,
	"target_distance_meters" double precision,
	"target_duration_sec" double precision,
	"intensity_zone" integer,
	"structure" jsonb NOT NULL,
	"description" text NOT NULL,
	"phase" text,
	"week" integer,
	"state" text DEFAULT 'planned' NOT NULL,
	"completed_activity_id" uuid,
	"adaptations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduled_workouts_state" CHECK ("scheduled_workouts"."state" in ('planned', 'completed', 'skipped', 'missed'))
);
--> statement-breakpoint
ALTER TABLE "scheduled_workouts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "training_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"phases" jsonb NOT NULL,
	"meta" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_plans_status" CHECK ("training_plans"."status" in ('active', 'superseded'))
);
--> statement-breakpoint
ALTER TABLE "training_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "goal" jsonb;--> statement-breakpoint
ALTER TABLE "scheduled_workouts" ADD CONSTRAINT "scheduled_workouts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_workouts" ADD CONSTRAINT "scheduled_workouts_plan_id_training_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."training_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_plans" ADD CONSTRAINT "training_plans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "scheduled_workouts_plan_date_key" ON "scheduled_workouts" USING btree ("plan_id","date");--> statement-breakpoint
CREATE INDEX "scheduled_workouts_user_date_idx" ON "scheduled_workouts" USING btree ("user_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "training_plans_user_version_key" ON "training_plans" USING btree ("user_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "training_plans_user_active_key" ON "training_plans" USING btree ("user_id") WHERE "training_plans"."status" = 'active';--> statement-breakpoint
CREATE POLICY "scheduled_workouts_owner" ON "scheduled_workouts" AS PERMISSIVE FOR ALL TO "rc_app" USING ("scheduled_workouts"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("scheduled_workouts"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "training_plans_owner" ON "training_plans" AS PERMISSIVE FOR ALL TO "rc_app" USING ("training_plans"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("training_plans"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);