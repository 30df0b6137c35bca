CREATE TYPE "public"."report_metric" AS ENUM('messages_in', 'messages_out', 'conversations_new', 'conversations_resolved', 'conversations_reopened', 'bot_handovers', 'bot_answered', 'bot_suggested', 'bot_unanswered', 'bot_helpful', 'bot_unhelpful');--> statement-breakpoint
CREATE TYPE "public"."csat_status" AS ENUM('asked', 'rated', 'skipped');--> statement-breakpoint
CREATE TABLE "conversation_cycles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"channel_id" uuid,
	"skill_group_id" uuid,
	"membership_id" uuid,
	"first_responder_membership_id" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"queued_at" timestamp with time zone,
	"first_assigned_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "report_counters" (
	"org_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"metric" "report_metric" NOT NULL,
	"channel_id" uuid,
	"skill_group_id" uuid,
	"membership_id" uuid,
	"value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_counters_key" UNIQUE NULLS NOT DISTINCT("org_id","bucket","metric","channel_id","skill_group_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "channel_csat_settings" (
	"channel_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"texts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "csat_surveys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"skill_group_id" uuid,
	"membership_id" uuid,
	"resolution_activity_id" uuid NOT NULL,
	"status" "csat_status" NOT NULL,
	"skip_reason" text,
	"awaiting" text,
	"rating" integer,
	"comment" text,
	"language" text NOT NULL,
	"resolved_at" timestamp with time zone NOT NULL,
	"asked_at" timestamp with time zone,
	"rated_at" timestamp with time zone,
	"commented_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "csat_surveys_rating_range" CHECK ("csat_surveys"."rating" is null or ("csat_surveys"."rating" between 1 and 5))
);
--> statement-breakpoint
ALTER TABLE "conversation_cycles" ADD CONSTRAINT "conversation_cycles_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_cycles" ADD CONSTRAINT "conversation_cycles_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_counters" ADD CONSTRAINT "report_counters_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_csat_settings" ADD CONSTRAINT "channel_csat_settings_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_csat_settings" ADD CONSTRAINT "channel_csat_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csat_surveys" ADD CONSTRAINT "csat_surveys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csat_surveys" ADD CONSTRAINT "csat_surveys_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_cycles_conversation_idx" ON "conversation_cycles" USING btree ("conversation_id","opened_at");--> statement-breakpoint
CREATE INDEX "conversation_cycles_org_resolved_idx" ON "conversation_cycles" USING btree ("org_id","resolved_at") WHERE "conversation_cycles"."resolved_at" is not null;--> statement-breakpoint
CREATE INDEX "conversation_cycles_org_first_response_idx" ON "conversation_cycles" USING btree ("org_id","first_response_at") WHERE "conversation_cycles"."first_response_at" is not null;--> statement-breakpoint
CREATE INDEX "conversation_cycles_org_assigned_idx" ON "conversation_cycles" USING btree ("org_id","first_assigned_at") WHERE "conversation_cycles"."first_assigned_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "csat_surveys_resolution_key" ON "csat_surveys" USING btree ("resolution_activity_id");--> statement-breakpoint
CREATE INDEX "csat_surveys_org_resolved_idx" ON "csat_surveys" USING btree ("org_id","resolved_at");--> statement-breakpoint
CREATE INDEX "csat_surveys_awaiting_idx" ON "csat_surveys" USING btree ("conversation_id") WHERE "csat_surveys"."awaiting" is not null;