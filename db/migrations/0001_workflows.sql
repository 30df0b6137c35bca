CREATE TABLE "workflow_crons" (
	"function_id" text NOT NULL,
	"cron" text NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	"fired_count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "workflow_crons_function_id_cron_pk" PRIMARY KEY("function_id","cron")
);
--> statement-breakpoint
CREATE TABLE "workflow_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_functions" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"config" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"function_id" text NOT NULL,
	"org_id" uuid,
	"event_id" uuid NOT NULL,
	"event" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"concurrency_key" text,
	"concurrency_limit" integer,
	"idempotency_key" text,
	"next_run_at" timestamp with time zone,
	"wake_pending" boolean DEFAULT false NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp with time zone,
	"output" jsonb,
	"error" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workflow_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"name" text NOT NULL,
	"op" text NOT NULL,
	"status" text NOT NULL,
	"output" jsonb,
	"error" jsonb,
	"attempts" integer DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_waits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"event_name" text,
	"expression" text,
	"wake_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_run_id_workflow_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."workflow_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_waits" ADD CONSTRAINT "workflow_waits_run_id_workflow_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."workflow_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workflow_crons_next_at_idx" ON "workflow_crons" USING btree ("next_at");--> statement-breakpoint
CREATE INDEX "workflow_events_event_id_idx" ON "workflow_events" USING btree ("event_id","received_at");--> statement-breakpoint
CREATE INDEX "workflow_events_received_at_idx" ON "workflow_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "workflow_runs_next_run_at_idx" ON "workflow_runs" USING btree ("next_run_at") WHERE "workflow_runs"."next_run_at" is not null;--> statement-breakpoint
CREATE INDEX "workflow_runs_org_idx" ON "workflow_runs" USING btree ("org_id","id");--> statement-breakpoint
CREATE INDEX "workflow_runs_function_idx" ON "workflow_runs" USING btree ("function_id","id");--> statement-breakpoint
CREATE INDEX "workflow_runs_concurrency_idx" ON "workflow_runs" USING btree ("function_id","concurrency_key") WHERE "workflow_runs"."lease_expires_at" is not null;--> statement-breakpoint
CREATE INDEX "workflow_runs_idempotency_idx" ON "workflow_runs" USING btree ("function_id","idempotency_key") WHERE "workflow_runs"."idempotency_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_steps_run_step_key" ON "workflow_steps" USING btree ("run_id","step_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_waits_run_step_key" ON "workflow_waits" USING btree ("run_id","step_id");--> statement-breakpoint
CREATE INDEX "workflow_waits_wake_at_idx" ON "workflow_waits" USING btree ("wake_at") WHERE "workflow_waits"."wake_at" is not null;--> statement-breakpoint
CREATE INDEX "workflow_waits_event_name_idx" ON "workflow_waits" USING btree ("event_name") WHERE "workflow_waits"."event_name" is not null;