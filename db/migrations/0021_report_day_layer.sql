CREATE TABLE "report_daily_counters" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"metric" text NOT NULL,
	"channel_id" uuid,
	"skill_group_id" uuid,
	"membership_id" uuid,
	"value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_daily_counters_key" UNIQUE NULLS NOT DISTINCT("org_id","day","metric","channel_id","skill_group_id","membership_id"),
	CONSTRAINT "report_daily_counters_metric" CHECK (metric in ('messages_in', 'messages_out', 'conversations_new', 'conversations_resolved', 'conversations_reopened', 'bot_handovers', 'bot_answered', 'bot_suggested', 'bot_unanswered', 'bot_helpful', 'bot_unhelpful', 'csat_asked', 'csat_skipped', 'csat_rated', 'csat_rating_sum', 'csat_rating_1', 'csat_rating_2', 'csat_rating_3', 'csat_rating_4', 'csat_rating_5', 'csat_comments'))
);
--> statement-breakpoint
CREATE TABLE "report_day_zones" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_inbound_hours" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"hour" smallint NOT NULL,
	"channel_id" uuid,
	"skill_group_id" uuid,
	"value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_inbound_hours_key" UNIQUE NULLS NOT DISTINCT("org_id","day","hour","channel_id","skill_group_id"),
	CONSTRAINT "report_inbound_hours_hour" CHECK ("report_inbound_hours"."hour" between 0 and 23)
);
--> statement-breakpoint
ALTER TABLE "report_daily_counters" ADD CONSTRAINT "report_daily_counters_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_day_zones" ADD CONSTRAINT "report_day_zones_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_inbound_hours" ADD CONSTRAINT "report_inbound_hours_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "csat_surveys_conversation_idx" ON "csat_surveys" USING btree ("conversation_id","resolved_at");