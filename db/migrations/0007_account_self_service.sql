ALTER TYPE "public"."email_token_purpose" ADD VALUE 'reset_password';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;