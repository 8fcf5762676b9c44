CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" timestamp with time zone,
	"type" text NOT NULL,
	"source" text NOT NULL,
	"duration_sec" double precision NOT NULL,
	"distance_meters" double precision,
	"avg_hr" integer,
	"max_hr" integer,
	"elevation_gain_meters" double precision,
	"rpe" double precision,
	"feeling" integer,
	"notes" text,
	"internal_load" double precision,
	"trimp" double precision,
	"workout_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_workout_id_scheduled_workouts_id_fk" FOREIGN KEY ("workout_id") REFERENCES "public"."scheduled_workouts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_user_date_idx" ON "activities" USING btree ("user_id","date");--> statement-breakpoint
CREATE POLICY "activities_owner" ON "activities" AS PERMISSIVE FOR ALL TO "rc_app" USING ("activities"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("activities"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);