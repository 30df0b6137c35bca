CREATE TYPE "public"."channel_connection" AS ENUM('manual', 'facebook_login');--> statement-breakpoint
CREATE TYPE "public"."facebook_login_purpose" AS ENUM('connect', 'reconnect');--> statement-breakpoint
ALTER TYPE "public"."member_notification_kind" ADD VALUE 'channel_reconnect_needed';--> statement-breakpoint
CREATE TABLE "facebook_logins" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"purpose" "facebook_login_purpose" NOT NULL,
	"channel_id" uuid,
	"state_hash" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"returned_at" timestamp with time zone,
	"user_token_sealed" text,
	"facebook_user_name" text,
	"granted_scopes" text[],
	"declined_scopes" text[],
	"failure" jsonb,
	"pages" jsonb,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channels" ALTER COLUMN "page_access_token_sealed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ALTER COLUMN "app_secret_sealed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "connection" "channel_connection" DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "reconnect_subcode" integer;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "token_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "disconnected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "member_notifications" ADD COLUMN "channel_id" uuid;--> statement-breakpoint
ALTER TABLE "facebook_logins" ADD CONSTRAINT "facebook_logins_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facebook_logins" ADD CONSTRAINT "facebook_logins_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facebook_logins" ADD CONSTRAINT "facebook_logins_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "facebook_logins_state_key" ON "facebook_logins" USING btree ("state_hash");--> statement-breakpoint
CREATE INDEX "facebook_logins_member_idx" ON "facebook_logins" USING btree ("membership_id","created_at");--> statement-breakpoint
CREATE INDEX "facebook_logins_expires_idx" ON "facebook_logins" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "member_notifications" ADD CONSTRAINT "member_notifications_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_manual_app_secret" CHECK ("channels"."connection" = 'facebook_login' or "channels"."app_secret_sealed" is not null);--> statement-breakpoint
ALTER TABLE "channels" ADD CONSTRAINT "channels_token_unless_disconnected" CHECK ("channels"."disconnected_at" is not null or "channels"."page_access_token_sealed" is not null);