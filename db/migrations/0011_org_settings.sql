CREATE TABLE "org_slug_redirects" (
	"old_slug" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "color" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "default_locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "deletion_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "delete_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "org_slug_redirects" ADD CONSTRAINT "org_slug_redirects_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "org_slug_redirects_org_idx" ON "org_slug_redirects" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "organizations_delete_after_idx" ON "organizations" USING btree ("delete_after") WHERE "organizations"."delete_after" is not null;