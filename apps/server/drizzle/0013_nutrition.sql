CREATE TABLE "nutrition_days" (
	"user_id" uuid NOT NULL,
	"date" date NOT NULL,
	"source" text NOT NULL,
	"intake_kcal" double precision NOT NULL,
	"carbs_grams" double precision,
	"protein_grams" double precision,
	"fat_grams" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nutrition_days_user_id_date_pk" PRIMARY KEY("user_id","date")
);
--> statement-breakpoint
ALTER TABLE "nutrition_days" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "nutrition_days" ADD CONSTRAINT "nutrition_days_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "nutrition_days_owner" ON "nutrition_days" AS PERMISSIVE FOR ALL TO "rc_app" USING ("nutrition_days"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid) WITH CHECK ("nutrition_days"."user_id" = nullif(current_setting('app.user_id', true), '')::uuid);