CREATE TYPE "public"."message_send_status" AS ENUM('sending', 'sent', 'failed');--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "human_agent_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "send_status" "message_send_status";--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "failure_code" integer;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "messaging_type" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "tag" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "sent_by_membership_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_sent_by_membership_id_memberships_id_fk" FOREIGN KEY ("sent_by_membership_id") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;