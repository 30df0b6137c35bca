-- Report rollups (issue 16): report_counters and conversation_cycles, kept by statement-level triggers in the
-- transaction of the rows they count (db/schema/reports.ts says why triggers). Each rule lives in one
-- report_apply_* function, used by its trigger and by the backfill at the end of this migration.

-- A quarter hour: every time zone's hours and days are whole sums of these (db/schema/reports.ts).
CREATE FUNCTION report_bucket(at timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_bin('15 minutes', at, timestamptz '2000-01-01 00:00:00+00')
$$;
--> statement-breakpoint
CREATE FUNCTION report_apply_messages(rows messages[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Messages in: what the person wrote or tapped (not referrals, opt-ins or reactions). Messages out: every
  -- message of the Page's side, unless its send already failed (a later failure is taken back out on update).
  INSERT INTO report_counters (org_id, bucket, metric, channel_id, skill_group_id, membership_id, value)
  SELECT m.org_id,
         report_bucket(to_timestamp(m.timestamp / 1000.0)),
         (CASE WHEN m.direction = 'inbound' THEN 'messages_in' ELSE 'messages_out' END)::report_metric,
         m.channel_id,
         c.skill_group_id,
         CASE WHEN m.direction = 'outbound' THEN m.sent_by_membership_id END,
         count(*)
    FROM unnest(rows) m
    JOIN conversations c ON c.id = m.conversation_id
   WHERE (m.direction = 'inbound' AND m.kind IN ('text', 'attachments', 'postback'))
      OR (m.direction = 'outbound' AND m.send_status IS DISTINCT FROM 'failed')
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ON CONSTRAINT report_counters_key DO UPDATE SET value = report_counters.value + excluded.value;

  -- First response: the first reply by a person on the Page's side (a member from the desk, or the Page's own
  -- inbox: an echo) after the open cycle began. The bot's and automatic messages have no member and are no echo.
  UPDATE conversation_cycles cy
     SET first_response_at = f.at, first_responder_membership_id = f.membership_id
    FROM (
      SELECT DISTINCT ON (m.conversation_id) m.conversation_id, to_timestamp(m.timestamp / 1000.0) AS at, m.sent_by_membership_id AS membership_id
        FROM unnest(rows) m
       WHERE m.direction = 'outbound' AND (m.sent_by_membership_id IS NOT NULL OR m.source = 'echo')
       ORDER BY m.conversation_id, m.timestamp
    ) f
   WHERE cy.conversation_id = f.conversation_id
     AND cy.resolved_at IS NULL
     AND cy.first_response_at IS NULL
     AND cy.opened_at <= f.at;
END
$$;
--> statement-breakpoint
CREATE FUNCTION report_apply_activities(rows conversation_activities[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  act record;
  open_cycle uuid;
BEGIN
  INSERT INTO report_counters (org_id, bucket, metric, channel_id, skill_group_id, membership_id, value)
  SELECT a.org_id,
         report_bucket(a.created_at),
         (CASE a.kind::text WHEN 'opened' THEN 'conversations_new' WHEN 'reopened' THEN 'conversations_reopened' ELSE 'conversations_resolved' END)::report_metric,
         c.channel_id,
         a.to_skill_group_id,
         CASE WHEN a.kind::text = 'resolved' THEN a.from_membership_id END,
         count(*)
    FROM unnest(rows) a
    JOIN conversations c ON c.id = a.conversation_id
   WHERE a.kind::text IN ('opened', 'reopened', 'resolved')
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ON CONSTRAINT report_counters_key DO UPDATE SET value = report_counters.value + excluded.value;

  -- The cycles, replayed in the order things happened.
  FOR act IN
    SELECT r.*, c.channel_id AS conversation_channel_id
      FROM unnest(rows) r
      JOIN conversations c ON c.id = r.conversation_id
     WHERE r.kind::text IN ('opened', 'reopened', 'assigned', 'claimed', 'transferred', 'unassigned', 'resolved', 'bot_handover')
     ORDER BY r.created_at, r.id
  LOOP
    IF act.kind::text IN ('opened', 'reopened') THEN
      INSERT INTO conversation_cycles (id, org_id, conversation_id, channel_id, skill_group_id, membership_id, opened_at, queued_at, first_assigned_at)
      VALUES (gen_random_uuid(), act.org_id, act.conversation_id, act.conversation_channel_id, act.to_skill_group_id, act.to_membership_id, act.created_at,
              CASE WHEN act.to_membership_id IS NULL THEN act.created_at END,
              CASE WHEN act.to_membership_id IS NOT NULL THEN act.created_at END);
      CONTINUE;
    END IF;
    SELECT id INTO open_cycle FROM conversation_cycles
     WHERE conversation_id = act.conversation_id AND resolved_at IS NULL
     ORDER BY opened_at DESC LIMIT 1;
    CONTINUE WHEN open_cycle IS NULL;
    IF act.kind::text = 'resolved' THEN
      UPDATE conversation_cycles
         SET resolved_at = act.created_at,
             membership_id = coalesce(act.from_membership_id, membership_id),
             skill_group_id = coalesce(act.to_skill_group_id, skill_group_id)
       WHERE id = open_cycle;
    ELSIF act.kind::text = 'bot_handover' THEN
      UPDATE conversation_cycles SET queued_at = coalesce(queued_at, act.created_at) WHERE id = open_cycle AND first_assigned_at IS NULL;
    ELSE
      -- assigned, claimed, transferred (to an agent or back to a queue), unassigned.
      UPDATE conversation_cycles
         SET membership_id = act.to_membership_id,
             skill_group_id = coalesce(act.to_skill_group_id, skill_group_id),
             first_assigned_at = CASE WHEN act.to_membership_id IS NOT NULL THEN coalesce(first_assigned_at, act.created_at) ELSE first_assigned_at END,
             queued_at = CASE WHEN act.to_membership_id IS NULL AND first_assigned_at IS NULL THEN coalesce(queued_at, act.created_at) ELSE queued_at END
       WHERE id = open_cycle;
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE FUNCTION report_apply_bot_events(rows bot_events[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_counters (org_id, bucket, metric, channel_id, skill_group_id, membership_id, value)
  SELECT e.org_id,
         report_bucket(e.created_at),
         (CASE e.kind::text WHEN 'handover' THEN 'bot_handovers' ELSE 'bot_' || e.kind::text END)::report_metric,
         e.channel_id,
         c.skill_group_id,
         NULL::uuid,
         count(*)
    FROM unnest(rows) e
    LEFT JOIN conversations c ON c.id = e.conversation_id
   WHERE e.kind::text IN ('answered', 'suggested', 'unanswered', 'helpful', 'unhelpful', 'handover')
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ON CONSTRAINT report_counters_key DO UPDATE SET value = report_counters.value + excluded.value;
END
$$;
--> statement-breakpoint
CREATE FUNCTION report_messages_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_apply_messages(ARRAY(SELECT ROW(n.*)::messages FROM new_rows n));
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A reply that failed after it was counted (sending -> failed) leaves messages out; a retry that succeeds comes back.
CREATE FUNCTION report_messages_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_counters (org_id, bucket, metric, channel_id, skill_group_id, membership_id, value)
  SELECT n.org_id, report_bucket(to_timestamp(n.timestamp / 1000.0)), 'messages_out'::report_metric, n.channel_id, c.skill_group_id, n.sent_by_membership_id,
         sum(CASE WHEN n.send_status = 'failed' THEN -1 ELSE 1 END)
    FROM new_rows n
    JOIN old_rows o ON o.id = n.id
    JOIN conversations c ON c.id = n.conversation_id
   WHERE n.direction = 'outbound'
     AND (n.send_status IS NOT DISTINCT FROM 'failed') <> (o.send_status IS NOT DISTINCT FROM 'failed')
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ON CONSTRAINT report_counters_key DO UPDATE SET value = report_counters.value + excluded.value;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION report_activities_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_apply_activities(ARRAY(SELECT ROW(n.*)::conversation_activities FROM new_rows n));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION report_bot_events_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_apply_bot_events(ARRAY(SELECT ROW(n.*)::bot_events FROM new_rows n));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER report_messages_inserted AFTER INSERT ON messages REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_messages_inserted();
--> statement-breakpoint
CREATE TRIGGER report_messages_updated AFTER UPDATE ON messages REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_messages_updated();
--> statement-breakpoint
CREATE TRIGGER report_activities_inserted AFTER INSERT ON conversation_activities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_activities_inserted();
--> statement-breakpoint
CREATE TRIGGER report_bot_events_inserted AFTER INSERT ON bot_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_bot_events_inserted();
--> statement-breakpoint
-- Backfill: the history stored before this migration, through the same rules (activities before messages, so
-- first responses find their cycles).
SELECT report_apply_activities(ARRAY(SELECT a FROM conversation_activities a));
--> statement-breakpoint
-- Each past cycle's first response: the first reply of a person on the Page's side between its opening and resolution.
WITH first_reply AS (
  SELECT cy.id, r.at, r.membership_id
    FROM conversation_cycles cy
    CROSS JOIN LATERAL (
      SELECT to_timestamp(m.timestamp / 1000.0) AS at, m.sent_by_membership_id AS membership_id
        FROM messages m
       WHERE m.conversation_id = cy.conversation_id
         AND m.direction = 'outbound' AND (m.sent_by_membership_id IS NOT NULL OR m.source = 'echo')
         AND to_timestamp(m.timestamp / 1000.0) >= cy.opened_at
         AND (cy.resolved_at IS NULL OR to_timestamp(m.timestamp / 1000.0) <= cy.resolved_at)
       ORDER BY m.timestamp
       LIMIT 1
    ) r
)
UPDATE conversation_cycles cy SET first_response_at = f.at, first_responder_membership_id = f.membership_id FROM first_reply f WHERE cy.id = f.id;
--> statement-breakpoint
SELECT report_apply_messages(ARRAY(SELECT m FROM messages m));
--> statement-breakpoint
SELECT report_apply_bot_events(ARRAY(SELECT e FROM bot_events e));
