-- The day layer (issue 16): report_counters summed per day of each organisation's time zone, plus the
-- satisfaction figures, kept by statement-level triggers on report_counters and csat_surveys, so every code path
-- that moves a quarter hour or a survey moves its day too (db/schema/reports.ts says why a layer).
--
-- Consistency with time-zone changes: the triggers hold a shared transaction-scoped advisory lock per
-- organisation (space 1_600) and write in the zone of report_day_zones; report_rebuild_days takes the same lock
-- exclusively, so it waits for the writers in flight, recomputes from committed quarter hours and surveys, and
-- the writers after it see the new zone.

-- The lock the day layer's writers share; the rebuild takes it exclusively.
CREATE FUNCTION report_lock_days(orgs uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(1600, hashtext(o::text)) FROM (SELECT DISTINCT unnest(orgs) AS o ORDER BY 1) l;
  -- An organisation's first rollup fixes its layer's zone (its zone at that moment).
  INSERT INTO report_day_zones (org_id, time_zone)
  SELECT o.id, o.time_zone FROM organizations o WHERE o.id = ANY (orgs)
  ON CONFLICT (org_id) DO NOTHING;
END
$$;
--> statement-breakpoint
-- Adds signed quarter-hour deltas to the days (and the inbound hours) of each organisation's layer zone.
CREATE FUNCTION report_add_to_days(deltas report_counters[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_lock_days(ARRAY(SELECT DISTINCT d.org_id FROM unnest(deltas) d));
  INSERT INTO report_daily_counters (org_id, day, metric, channel_id, skill_group_id, membership_id, value)
  SELECT d.org_id, (d.bucket AT TIME ZONE z.time_zone)::date, d.metric::text, d.channel_id, d.skill_group_id, d.membership_id, sum(d.value)
    FROM unnest(deltas) d
    JOIN report_day_zones z ON z.org_id = d.org_id
   GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(d.value) <> 0
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ON CONSTRAINT report_daily_counters_key DO UPDATE SET value = report_daily_counters.value + excluded.value;

  INSERT INTO report_inbound_hours (org_id, day, hour, channel_id, skill_group_id, value)
  SELECT d.org_id, (d.bucket AT TIME ZONE z.time_zone)::date, date_part('hour', d.bucket AT TIME ZONE z.time_zone)::smallint, d.channel_id, d.skill_group_id, sum(d.value)
    FROM unnest(deltas) d
    JOIN report_day_zones z ON z.org_id = d.org_id
   WHERE d.metric::text = 'messages_in'
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d.value) <> 0
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT report_inbound_hours_key DO UPDATE SET value = report_inbound_hours.value + excluded.value;
END
$$;
--> statement-breakpoint
CREATE FUNCTION report_counters_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_add_to_days(ARRAY(SELECT ROW(n.*)::report_counters FROM new_rows n));
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- An upsert that found its row: the difference (rows are only ever added to, or taken back by a failed send).
CREATE FUNCTION report_counters_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_add_to_days(ARRAY(
    SELECT ROW(n.*)::report_counters FROM new_rows n
    UNION ALL
    SELECT ROW(o.org_id, o.bucket, o.metric, o.channel_id, o.skill_group_id, o.membership_id, -o.value)::report_counters FROM old_rows o));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER report_counters_inserted AFTER INSERT ON report_counters REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_counters_inserted();
--> statement-breakpoint
CREATE TRIGGER report_counters_updated AFTER UPDATE ON report_counters REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_counters_updated();
--> statement-breakpoint
-- What one survey adds to its day: asked or skipped, rated with its rating, a comment. The distribution counts
-- ratings (set only with status rated); the average is csat_rating_sum / csat_rated.
CREATE FUNCTION report_csat_figures(status text, rating integer, comment text) RETURNS TABLE (metric text, value bigint) LANGUAGE sql IMMUTABLE AS $$
  SELECT f.metric, f.value
    FROM (VALUES
      ('csat_asked', CASE WHEN status IN ('asked', 'rated') THEN 1 ELSE 0 END),
      ('csat_skipped', CASE WHEN status = 'skipped' THEN 1 ELSE 0 END),
      ('csat_rated', CASE WHEN status = 'rated' THEN 1 ELSE 0 END),
      ('csat_rating_sum', CASE WHEN status = 'rated' THEN coalesce(rating, 0) ELSE 0 END),
      ('csat_rating_' || coalesce(rating, 0), CASE WHEN rating BETWEEN 1 AND 5 THEN 1 ELSE 0 END),
      ('csat_comments', CASE WHEN comment IS NOT NULL AND comment <> '' THEN 1 ELSE 0 END)
    ) f(metric, value)
   WHERE f.value <> 0
$$;
--> statement-breakpoint
-- Survey figures into the days of the resolution, in each organisation's layer zone; p_sign -1 takes them out.
CREATE FUNCTION report_add_surveys_to_days(rows csat_surveys[], p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_lock_days(ARRAY(SELECT DISTINCT s.org_id FROM unnest(rows) s));
  INSERT INTO report_daily_counters (org_id, day, metric, channel_id, skill_group_id, membership_id, value)
  SELECT s.org_id, (s.resolved_at AT TIME ZONE z.time_zone)::date, f.metric, s.channel_id, s.skill_group_id, s.membership_id, sum(f.value) * p_sign
    FROM unnest(rows) s
    JOIN report_day_zones z ON z.org_id = s.org_id
    CROSS JOIN LATERAL report_csat_figures(s.status::text, s.rating, s.comment) f
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ON CONSTRAINT report_daily_counters_key DO UPDATE SET value = report_daily_counters.value + excluded.value;
END
$$;
--> statement-breakpoint
CREATE FUNCTION report_csat_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_add_surveys_to_days(ARRAY(SELECT ROW(n.*)::csat_surveys FROM new_rows n), 1);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A survey answered, commented or moved: the old figures out, the new ones in (unchanged ones cancel out).
CREATE FUNCTION report_csat_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_add_surveys_to_days(ARRAY(SELECT ROW(o.*)::csat_surveys FROM old_rows o), -1);
  PERFORM report_add_surveys_to_days(ARRAY(SELECT ROW(n.*)::csat_surveys FROM new_rows n), 1);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER report_csat_inserted AFTER INSERT ON csat_surveys REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_csat_inserted();
--> statement-breakpoint
CREATE TRIGGER report_csat_updated AFTER UPDATE ON csat_surveys REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_csat_updated();
--> statement-breakpoint
-- Recomputes an organisation's day layer in its current time zone from the quarter hours and the surveys, and
-- moves report_day_zones to that zone. Waits for the writers in flight (the exclusive lock); does nothing when
-- the layer is already in the organisation's zone, unless forced. Call it in a transaction that holds no lock on
-- the organisation's row.
CREATE FUNCTION report_rebuild_days(p_org uuid, p_force boolean DEFAULT false) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  zone text;
BEGIN
  PERFORM pg_advisory_xact_lock(1600, hashtext(p_org::text));
  SELECT time_zone INTO zone FROM organizations WHERE id = p_org;
  IF zone IS NULL THEN
    RETURN false;
  END IF;
  IF NOT p_force AND EXISTS (SELECT 1 FROM report_day_zones WHERE org_id = p_org AND time_zone = zone) THEN
    RETURN false;
  END IF;
  INSERT INTO report_day_zones (org_id, time_zone) VALUES (p_org, zone)
  ON CONFLICT (org_id) DO UPDATE SET time_zone = excluded.time_zone;
  DELETE FROM report_daily_counters WHERE org_id = p_org;
  DELETE FROM report_inbound_hours WHERE org_id = p_org;
  INSERT INTO report_daily_counters (org_id, day, metric, channel_id, skill_group_id, membership_id, value)
  SELECT org_id, (bucket AT TIME ZONE zone)::date, metric::text, channel_id, skill_group_id, membership_id, sum(value)
    FROM report_counters WHERE org_id = p_org
   GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(value) <> 0;
  INSERT INTO report_daily_counters (org_id, day, metric, channel_id, skill_group_id, membership_id, value)
  SELECT s.org_id, (s.resolved_at AT TIME ZONE zone)::date, f.metric, s.channel_id, s.skill_group_id, s.membership_id, sum(f.value)
    FROM csat_surveys s
    CROSS JOIN LATERAL report_csat_figures(s.status::text, s.rating, s.comment) f
   WHERE s.org_id = p_org
   GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO report_inbound_hours (org_id, day, hour, channel_id, skill_group_id, value)
  SELECT org_id, (bucket AT TIME ZONE zone)::date, date_part('hour', bucket AT TIME ZONE zone)::smallint, channel_id, skill_group_id, sum(value)
    FROM report_counters WHERE org_id = p_org AND metric::text = 'messages_in'
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(value) <> 0;
  RETURN true;
END
$$;
--> statement-breakpoint
-- Backfill: every organisation's history so far.
SELECT report_rebuild_days(id, true) FROM organizations;
