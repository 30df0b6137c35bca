CREATE TABLE "workflow_syncs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"function_ids" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"modified" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
