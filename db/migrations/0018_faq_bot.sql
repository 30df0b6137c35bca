CREATE TYPE "public"."bot_connector_fallback" AS ENUM('builtin', 'queue');--> statement-breakpoint
CREATE TYPE "public"."bot_conversation_status" AS ENUM('active', 'handed_over');--> statement-breakpoint
CREATE TYPE "public"."bot_engine" AS ENUM('builtin', 'external');--> statement-breakpoint
CREATE TYPE "public"."bot_event_kind" AS ENUM('answered', 'suggested', 'unanswered', 'helpful', 'unhelpful', 'handover', 'message_taken');--> statement-breakpoint
CREATE TYPE "public"."bot_handover_reason" AS ENUM('user_request', 'misses', 'keyword', 'menu', 'connector', 'connector_failed', 'human_first');--> statement-breakpoint
CREATE TYPE "public"."bot_mode" AS ENUM('off', 'bot_first', 'human_first', 'bot_only');--> statement-breakpoint
CREATE TYPE "public"."faq_language" AS ENUM('zh-CN', 'en');--> statement-breakpoint
ALTER TYPE "public"."conversation_activity_kind" ADD VALUE 'bot_handover';--> statement-breakpoint
CREATE TABLE "bot_configs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"skill_group_id" uuid,
	"channel_id" uuid,
	"mode" "bot_mode" DEFAULT 'off' NOT NULL,
	"engine" "bot_engine" DEFAULT 'builtin' NOT NULL,
	"connector_id" uuid,
	"answer_threshold" real,
	"suggest_threshold" real,
	"max_misses" integer DEFAULT 2 NOT NULL,
	"handover_keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"human_first_queue_length" integer DEFAULT 5 NOT NULL,
	"texts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by_membership_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_configs_one_scope" CHECK (("bot_configs"."skill_group_id" is null) <> ("bot_configs"."channel_id" is null)),
	CONSTRAINT "bot_configs_external_needs_connector" CHECK ("bot_configs"."engine" = 'builtin' or "bot_configs"."connector_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "bot_connectors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"secret_sealed" text NOT NULL,
	"timeout_ms" integer DEFAULT 3000 NOT NULL,
	"fallback" "bot_connector_fallback" DEFAULT 'queue' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_error_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_connectors_timeout_range" CHECK ("bot_connectors"."timeout_ms" between 500 and 10000)
);
--> statement-breakpoint
CREATE TABLE "bot_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"channel_id" uuid,
	"conversation_id" uuid,
	"kind" "bot_event_kind" NOT NULL,
	"faq_id" uuid,
	"score" real,
	"question" text,
	"language" text,
	"handover_reason" "bot_handover_reason",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_kb_state" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"kb_revision" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_messenger_profiles" (
	"channel_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"get_started_payload" text,
	"greetings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"persistent_menu" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"applied_at" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation_bot_states" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"status" "bot_conversation_status" DEFAULT 'active' NOT NULL,
	"misses" integer DEFAULT 0 NOT NULL,
	"disclosed_at" timestamp with time zone,
	"last_faq_id" uuid,
	"awaiting" text,
	"language" text,
	"handed_over_at" timestamp with time zone,
	"handover_reason" "bot_handover_reason",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "faq_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"question" text NOT NULL,
	"alternatives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answer" jsonb NOT NULL,
	"language" "faq_language" NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"skill_group_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"channel_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_membership_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "faq_entries_question_present" CHECK (length("faq_entries"."question") > 0)
);
--> statement-breakpoint
CREATE TABLE "faq_synonyms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"terms" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bot_configs" ADD CONSTRAINT "bot_configs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_configs" ADD CONSTRAINT "bot_configs_skill_group_id_skill_groups_id_fk" FOREIGN KEY ("skill_group_id") REFERENCES "public"."skill_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_configs" ADD CONSTRAINT "bot_configs_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_configs" ADD CONSTRAINT "bot_configs_connector_id_bot_connectors_id_fk" FOREIGN KEY ("connector_id") REFERENCES "public"."bot_connectors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_configs" ADD CONSTRAINT "bot_configs_updated_by_membership_id_memberships_id_fk" FOREIGN KEY ("updated_by_membership_id") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_connectors" ADD CONSTRAINT "bot_connectors_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_events" ADD CONSTRAINT "bot_events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_events" ADD CONSTRAINT "bot_events_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_events" ADD CONSTRAINT "bot_events_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_events" ADD CONSTRAINT "bot_events_faq_id_faq_entries_id_fk" FOREIGN KEY ("faq_id") REFERENCES "public"."faq_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_kb_state" ADD CONSTRAINT "bot_kb_state_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_messenger_profiles" ADD CONSTRAINT "channel_messenger_profiles_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_messenger_profiles" ADD CONSTRAINT "channel_messenger_profiles_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_bot_states" ADD CONSTRAINT "conversation_bot_states_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_bot_states" ADD CONSTRAINT "conversation_bot_states_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_bot_states" ADD CONSTRAINT "conversation_bot_states_last_faq_id_faq_entries_id_fk" FOREIGN KEY ("last_faq_id") REFERENCES "public"."faq_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_entries" ADD CONSTRAINT "faq_entries_created_by_membership_id_memberships_id_fk" FOREIGN KEY ("created_by_membership_id") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "faq_synonyms" ADD CONSTRAINT "faq_synonyms_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bot_configs_skill_group_key" ON "bot_configs" USING btree ("skill_group_id") WHERE "bot_configs"."skill_group_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "bot_configs_channel_key" ON "bot_configs" USING btree ("channel_id") WHERE "bot_configs"."channel_id" is not null;--> statement-breakpoint
CREATE INDEX "bot_configs_org_idx" ON "bot_configs" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "bot_connectors_org_idx" ON "bot_connectors" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "bot_events_org_time_idx" ON "bot_events" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "bot_events_faq_idx" ON "bot_events" USING btree ("faq_id") WHERE "bot_events"."faq_id" is not null;--> statement-breakpoint
CREATE INDEX "conversation_bot_states_org_status_idx" ON "conversation_bot_states" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "faq_entries_org_idx" ON "faq_entries" USING btree ("org_id","updated_at");--> statement-breakpoint
CREATE INDEX "faq_synonyms_org_idx" ON "faq_synonyms" USING btree ("org_id");