CREATE TABLE "message_attachment_uploads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"attachment_id" text NOT NULL,
	"type" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by_membership_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "quick_replies" jsonb;--> statement-breakpoint
ALTER TABLE "message_attachment_uploads" ADD CONSTRAINT "message_attachment_uploads_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_attachment_uploads" ADD CONSTRAINT "message_attachment_uploads_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_attachment_uploads" ADD CONSTRAINT "message_attachment_uploads_uploaded_by_membership_id_memberships_id_fk" FOREIGN KEY ("uploaded_by_membership_id") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "message_attachment_uploads_channel_sha_key" ON "message_attachment_uploads" USING btree ("channel_id","sha256");--> statement-breakpoint
CREATE INDEX "message_attachment_uploads_org_idx" ON "message_attachment_uploads" USING btree ("org_id","id");