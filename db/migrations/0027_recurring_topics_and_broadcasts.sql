CREATE TYPE "public"."campaign_delivery_status" AS ENUM('pending', 'sending', 'sent', 'failed', 'held', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."campaign_kind" AS ENUM('otn', 'recurring', 'marketing');--> statement-breakpoint
CREATE TYPE "public"."topic_cadence" AS ENUM('daily', 'weekly', 'monthly');--> statement-breakpoint
CREATE TYPE "public"."topic_registration" AS ENUM('unregistered', 'pending', 'registered');--> statement-breakpoint
CREATE TABLE "campaign_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"permission_id" uuid NOT NULL,
	"contact_id" uuid,
	"psid" text NOT NULL,
	"status" "campaign_delivery_status" DEFAULT 'pending' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"held_reason" text,
	"failure_code" integer,
	"failure_reason" text,
	"claim_id" uuid,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recurring_topics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"title" text NOT NULL,
	"cadence" "topic_cadence" NOT NULL,
	"image_url" text,
	"payload" text NOT NULL,
	"registration" "topic_registration" DEFAULT 'unregistered' NOT NULL,
	"registration_psid" text,
	"registration_requested_at" timestamp with time zone,
	"registered_at" timestamp with time zone,
	"created_by" text,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topic_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"topic_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"psid" text NOT NULL,
	"last_requested_at" timestamp with time zone NOT NULL,
	"request_count" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "ad_account_id" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "kind" "campaign_kind" DEFAULT 'otn' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "topic_id" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "local_send_time" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "meta_campaign_id" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "budget" jsonb;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "held" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "message_permissions" ADD COLUMN "topic_id" uuid;--> statement-breakpoint
ALTER TABLE "campaign_deliveries" ADD CONSTRAINT "campaign_deliveries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_deliveries" ADD CONSTRAINT "campaign_deliveries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_deliveries" ADD CONSTRAINT "campaign_deliveries_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_deliveries" ADD CONSTRAINT "campaign_deliveries_permission_id_message_permissions_id_fk" FOREIGN KEY ("permission_id") REFERENCES "public"."message_permissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_deliveries" ADD CONSTRAINT "campaign_deliveries_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_topics" ADD CONSTRAINT "recurring_topics_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recurring_topics" ADD CONSTRAINT "recurring_topics_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_requests" ADD CONSTRAINT "topic_requests_topic_id_recurring_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."recurring_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_requests" ADD CONSTRAINT "topic_requests_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_deliveries_campaign_psid_key" ON "campaign_deliveries" USING btree ("campaign_id","psid");--> statement-breakpoint
CREATE INDEX "campaign_deliveries_claim_idx" ON "campaign_deliveries" USING btree ("campaign_id","status","due_at");--> statement-breakpoint
CREATE INDEX "campaign_deliveries_permission_idx" ON "campaign_deliveries" USING btree ("permission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recurring_topics_channel_title_key" ON "recurring_topics" USING btree ("channel_id",lower("title")) WHERE "recurring_topics"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "recurring_topics_payload_key" ON "recurring_topics" USING btree ("payload");--> statement-breakpoint
CREATE INDEX "recurring_topics_org_idx" ON "recurring_topics" USING btree ("org_id","channel_id") WHERE "recurring_topics"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "topic_requests_topic_psid_key" ON "topic_requests" USING btree ("topic_id","psid");--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_topic_id_recurring_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."recurring_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_permissions" ADD CONSTRAINT "message_permissions_topic_id_recurring_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."recurring_topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_permissions_topic_idx" ON "message_permissions" USING btree ("topic_id","status") WHERE "message_permissions"."topic_id" is not null;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_kind_topic" CHECK (("campaigns"."kind" = 'recurring') = ("campaigns"."topic_id" is not null));