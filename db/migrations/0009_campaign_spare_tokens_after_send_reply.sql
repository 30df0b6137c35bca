ALTER TYPE "public"."otn_token_status" ADD VALUE 'spare';--> statement-breakpoint
ALTER TABLE "campaign_requests" ADD COLUMN "after_send_reply_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "after_send_reply" text;