CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'scheduled', 'sending', 'paused', 'sent', 'sent_with_failures', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."otn_token_status" AS ENUM('pending', 'sending', 'sent', 'failed', 'expired');--> statement-breakpoint
CREATE TABLE "campaign_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"psid" text NOT NULL,
	"last_requested_at" timestamp with time zone,
	"last_event_id" uuid,
	"request_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" "campaign_status" DEFAULT 'draft' NOT NULL,
	"ref" text NOT NULL,
	"invitation" jsonb,
	"request_title" text NOT NULL,
	"reply_text" text,
	"content" jsonb NOT NULL,
	"scheduled_at" timestamp with time zone,
	"schedule_version" integer DEFAULT 0 NOT NULL,
	"rate_per_second" integer DEFAULT 40 NOT NULL,
	"request_cooldown_hours" integer DEFAULT 24 NOT NULL,
	"link_clicks" integer DEFAULT 0 NOT NULL,
	"requests_sent" integer DEFAULT 0 NOT NULL,
	"requests_skipped" integer DEFAULT 0 NOT NULL,
	"subscribers" integer DEFAULT 0 NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"expired" integer DEFAULT 0 NOT NULL,
	"current_rate" real DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"pause_reason" text,
	"created_by" text,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "otn_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"contact_id" uuid,
	"psid" text NOT NULL,
	"token_sealed" text NOT NULL,
	"token_hash" text NOT NULL,
	"status" "otn_token_status" DEFAULT 'pending' NOT NULL,
	"failure_code" integer,
	"failure_reason" text,
	"claim_id" uuid,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"message_id" text,
	"opted_in_at" timestamp with time zone NOT NULL,
	"reply_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_requests" ADD CONSTRAINT "campaign_requests_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_requests" ADD CONSTRAINT "campaign_requests_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "otn_tokens" ADD CONSTRAINT "otn_tokens_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "otn_tokens" ADD CONSTRAINT "otn_tokens_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "otn_tokens" ADD CONSTRAINT "otn_tokens_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "otn_tokens" ADD CONSTRAINT "otn_tokens_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_requests_campaign_psid_key" ON "campaign_requests" USING btree ("campaign_id","psid");--> statement-breakpoint
CREATE INDEX "campaign_requests_channel_time_idx" ON "campaign_requests" USING btree ("channel_id","last_requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_channel_ref_key" ON "campaigns" USING btree ("channel_id","ref");--> statement-breakpoint
CREATE INDEX "campaigns_org_list_idx" ON "campaigns" USING btree ("org_id","id") WHERE "campaigns"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "campaigns_org_channel_status_idx" ON "campaigns" USING btree ("org_id","channel_id","status") WHERE "campaigns"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "campaigns_due_idx" ON "campaigns" USING btree ("scheduled_at") WHERE "campaigns"."status" = 'scheduled' and "campaigns"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "otn_tokens_token_hash_key" ON "otn_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "otn_tokens_claim_idx" ON "otn_tokens" USING btree ("campaign_id","status","id");--> statement-breakpoint
CREATE INDEX "otn_tokens_campaign_psid_idx" ON "otn_tokens" USING btree ("campaign_id","psid");--> statement-breakpoint
CREATE INDEX "otn_tokens_campaign_optin_idx" ON "otn_tokens" USING btree ("campaign_id","opted_in_at");