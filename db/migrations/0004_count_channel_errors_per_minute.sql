ALTER TABLE "channel_errors" ADD COLUMN "minute" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channel_errors" ADD COLUMN "count" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_errors_minute_key" ON "channel_errors" USING btree ("channel_id","kind","minute");--> statement-breakpoint
CREATE INDEX "channel_errors_at_idx" ON "channel_errors" USING btree ("at");