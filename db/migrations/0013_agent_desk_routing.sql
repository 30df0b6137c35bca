CREATE TYPE "public"."conversation_status" AS ENUM('open', 'pending', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."conversation_activity_actor" AS ENUM('member', 'system');--> statement-breakpoint
CREATE TYPE "public"."agent_offline_policy" AS ENUM('keep', 'requeue');--> statement-breakpoint
CREATE TYPE "public"."conversation_activity_kind" AS ENUM('opened', 'assigned', 'unassigned', 'claimed', 'transferred', 'resolved', 'reopened', 'status_changed');--> statement-breakpoint
CREATE TYPE "public"."presence_source" AS ENUM('manual', 'activity');--> statement-breakpoint
CREATE TYPE "public"."presence_status" AS ENUM('online', 'away', 'offline');--> statement-breakpoint
CREATE TYPE "public"."routing_strategy" AS ENUM('least_busy', 'round_robin');--> statement-breakpoint
CREATE TABLE "agent_presence" (
	"membership_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"status" "presence_status" DEFAULT 'offline' NOT NULL,
	"changed_by" "presence_source" DEFAULT 'manual' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp with time zone,
	"last_assigned_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation_activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"kind" "conversation_activity_kind" NOT NULL,
	"actor_type" "conversation_activity_actor" NOT NULL,
	"actor_membership_id" uuid,
	"from_membership_id" uuid,
	"to_membership_id" uuid,
	"from_skill_group_id" uuid,
	"to_skill_group_id" uuid,
	"from_status" "conversation_status",
	"to_status" "conversation_status",
	"memo" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_group_routing" (
	"skill_group_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"auto_assign" boolean DEFAULT true NOT NULL,
	"strategy" "routing_strategy" DEFAULT 'least_busy' NOT NULL,
	"max_open_per_agent" integer DEFAULT 5 NOT NULL,
	"sticky" boolean DEFAULT true NOT NULL,
	"queue_message_enabled" boolean DEFAULT false NOT NULL,
	"queue_message" text DEFAULT '' NOT NULL,
	"working_hours_enabled" boolean DEFAULT false NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"working_hours" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"offline_reply_enabled" boolean DEFAULT false NOT NULL,
	"offline_reply" text DEFAULT '' NOT NULL,
	"on_agent_offline" "agent_offline_policy" DEFAULT 'requeue' NOT NULL,
	"round_robin_last_membership_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "status" "conversation_status" DEFAULT 'resolved' NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "skill_group_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "assignee_membership_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "last_assignee_membership_id" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "queued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "first_response_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agent_presence" ADD CONSTRAINT "agent_presence_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_presence" ADD CONSTRAINT "agent_presence_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_activities" ADD CONSTRAINT "conversation_activities_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_activities" ADD CONSTRAINT "conversation_activities_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_activities" ADD CONSTRAINT "conversation_activities_actor_membership_id_memberships_id_fk" FOREIGN KEY ("actor_membership_id") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_activities" ADD CONSTRAINT "conversation_activities_from_membership_id_memberships_id_fk" FOREIGN KEY ("from_membership_id") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_activities" ADD CONSTRAINT "conversation_activities_to_membership_id_memberships_id_fk" FOREIGN KEY ("to_membership_id") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_activities" ADD CONSTRAINT "conversation_activities_from_skill_group_id_skill_groups_id_fk" FOREIGN KEY ("from_skill_group_id") REFERENCES "public"."skill_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_activities" ADD CONSTRAINT "conversation_activities_to_skill_group_id_skill_groups_id_fk" FOREIGN KEY ("to_skill_group_id") REFERENCES "public"."skill_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_group_routing" ADD CONSTRAINT "skill_group_routing_skill_group_id_skill_groups_id_fk" FOREIGN KEY ("skill_group_id") REFERENCES "public"."skill_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_group_routing" ADD CONSTRAINT "skill_group_routing_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_group_routing" ADD CONSTRAINT "skill_group_routing_round_robin_last_membership_id_memberships_id_fk" FOREIGN KEY ("round_robin_last_membership_id") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_presence_org_status_idx" ON "agent_presence" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "agent_presence_idle_idx" ON "agent_presence" USING btree ("last_activity_at") WHERE "agent_presence"."status" = 'online';--> statement-breakpoint
CREATE INDEX "conversation_activities_conversation_idx" ON "conversation_activities" USING btree ("conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "conversation_activities_org_time_idx" ON "conversation_activities" USING btree ("org_id","created_at");--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_skill_group_id_skill_groups_id_fk" FOREIGN KEY ("skill_group_id") REFERENCES "public"."skill_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_assignee_membership_id_memberships_id_fk" FOREIGN KEY ("assignee_membership_id") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_last_assignee_membership_id_memberships_id_fk" FOREIGN KEY ("last_assignee_membership_id") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_queue_idx" ON "conversations" USING btree ("skill_group_id","queued_at") WHERE "conversations"."status" = 'open' and "conversations"."assignee_membership_id" is null;--> statement-breakpoint
CREATE INDEX "conversations_assignee_load_idx" ON "conversations" USING btree ("assignee_membership_id") WHERE "conversations"."status" in ('open', 'pending') and "conversations"."assignee_membership_id" is not null;--> statement-breakpoint
-- Conversations from before the desk: their channel's skill group; status stays resolved (nobody owes them an answer until the person writes again).
UPDATE "conversations" c SET "skill_group_id" = ch."skill_group_id" FROM "channels" ch WHERE ch."id" = c."channel_id";
