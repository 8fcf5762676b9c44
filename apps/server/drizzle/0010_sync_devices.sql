CREATE TABLE "sync_devices" (
	"user_id" uuid NOT NULL,
	"device_id" text NOT NULL,
	"acknowledged_version" bigint NOT NULL,
	"last_sync_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_devices_user_id_device_id_pk" PRIMARY KEY("user_id","device_id")
);
--> statement-breakpoint
ALTER TABLE "sync_devices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP INDEX "alerts_user_kind_date_key";--> statement-breakpoint
ALTER TABLE "sync_devices" ADD CONSTRAINT "sync_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_user_kind_date_key" ON "alerts" USING btree ("user_id","kind","date") WHERE "alerts"."kind" <> 'sync_conflict';--> statement-breakpoint
CREATE POLICY "sync_devices_owner" ON "sync_devices" AS PERMISSIVE FOR ALL TO "rc_app" USING ("sync_devices"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("sync_devices"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);