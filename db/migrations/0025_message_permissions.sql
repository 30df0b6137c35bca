CREATE TYPE "public"."message_permission_kind" AS ENUM('recurring', 'marketing');--> statement-breakpoint
CREATE TYPE "public"."message_permission_status" AS ENUM('active', 'stopped', 'expired');--> statement-breakpoint
CREATE TABLE "message_permissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"contact_id" uuid,
	"psid" text NOT NULL,
	"kind" "message_permission_kind" NOT NULL,
	"topic" text,
	"frequency" text,
	"user_time_zone" text,
	"token_sealed" text NOT NULL,
	"token_hash" text NOT NULL,
	"status" "message_permission_status" DEFAULT 'active' NOT NULL,
	"source" text NOT NULL,
	"source_ref" jsonb,
	"opted_in_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"status_changed_at" timestamp with time zone,
	"last_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "messaging_region" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "business_country" text;--> statement-breakpoint
ALTER TABLE "message_permissions" ADD CONSTRAINT "message_permissions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_permissions" ADD CONSTRAINT "message_permissions_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_permissions" ADD CONSTRAINT "message_permissions_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "message_permissions_token_hash_key" ON "message_permissions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "message_permissions_contact_idx" ON "message_permissions" USING btree ("org_id","contact_id");--> statement-breakpoint
CREATE INDEX "message_permissions_send_idx" ON "message_permissions" USING btree ("channel_id","kind","status","topic");--> statement-breakpoint
CREATE INDEX "message_permissions_expiry_idx" ON "message_permissions" USING btree ("expires_at") WHERE "message_permissions"."status" <> 'expired';