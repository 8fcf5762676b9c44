CREATE TABLE "activity_samples" (
	"activity_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"encoding" text NOT NULL,
	"sample_count" integer NOT NULL,
	"channels" text[] NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_samples" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"date" date NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dismissed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "alerts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pending_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"activity_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "pending_tasks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rolling_stats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"load" double precision NOT NULL,
	"acute" double precision NOT NULL,
	"chronic" double precision NOT NULL,
	"acwr" double precision,
	"tsb" double precision NOT NULL,
	"monotony" double precision,
	"strain" double precision NOT NULL,
	"fitness" double precision NOT NULL,
	"fatigue" double precision NOT NULL,
	"form" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rolling_stats" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "responder_status" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "calendar_token" text;--> statement-breakpoint
ALTER TABLE "activity_samples" ADD CONSTRAINT "activity_samples_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_samples" ADD CONSTRAINT "activity_samples_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_tasks" ADD CONSTRAINT "pending_tasks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_tasks" ADD CONSTRAINT "pending_tasks_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rolling_stats" ADD CONSTRAINT "rolling_stats_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_user_kind_date_key" ON "alerts" USING btree ("user_id","kind","date");--> statement-breakpoint
CREATE INDEX "alerts_user_date_idx" ON "alerts" USING btree ("user_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "pending_tasks_user_kind_activity_key" ON "pending_tasks" USING btree ("user_id","kind","activity_id");--> statement-breakpoint
CREATE INDEX "pending_tasks_user_open_idx" ON "pending_tasks" USING btree ("user_id","done_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rolling_stats_user_date_key" ON "rolling_stats" USING btree ("user_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "users_calendar_token_key" ON "users" USING btree ("calendar_token");--> statement-breakpoint
CREATE POLICY "activity_samples_owner" ON "activity_samples" AS PERMISSIVE FOR ALL TO "rc_app" USING ("activity_samples"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("activity_samples"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "alerts_owner" ON "alerts" AS PERMISSIVE FOR ALL TO "rc_app" USING ("alerts"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("alerts"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "pending_tasks_owner" ON "pending_tasks" AS PERMISSIVE FOR ALL TO "rc_app" USING ("pending_tasks"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("pending_tasks"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "rolling_stats_owner" ON "rolling_stats" AS PERMISSIVE FOR ALL TO "rc_app" USING ("rolling_stats"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("rolling_stats"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);