import { sql, type SQL } from "drizzle-orm";

/**
 * "At HH:MM in each recipient's time zone", as SQL, so planning 100,000 recipients is one statement and the
 * sender re-dates a held delivery by the same rule.
 *
 * The rule (the campaign form words it the same way, `campaigns.form.localTimeHint`): a delivery is due at the first
 * instant at or after `from` when the recipient's local clock reads HH:MM, except that a recipient whose local
 * time at `from` is already within [HH:MM, HH:MM + 1 hour) is due at once. Without that hour of grace, a campaign
 * started at 10:05 to "10:00 local" would wait almost a day for the people it was meant for "now"; a later start
 * waits for the next day's HH:MM. Local times are wall-clock times of the IANA zone, so a daylight-saving change
 * between the start and the send moves nothing: "10:00 the next day" is 10:00 local on both sides of the change.
 * A wall time that does not exist (skipped by a spring-forward change) is read as PostgreSQL reads it: the
 * instant the clocks would have shown it with the earlier offset.
 */
export function localDueAt(from: SQL, timeZone: SQL, hhmm: string | null): SQL {
  if (!hhmm) return from;
  return sql`(select case
                when x.l >= x.t and x.l < x.t + interval '1 hour' then ${from}
                when x.l < x.t then x.t at time zone ${timeZone}
                else (x.t + interval '1 day') at time zone ${timeZone}
              end
         from (select ${from} at time zone ${timeZone} as l,
                      date_trunc('day', ${from} at time zone ${timeZone}) + ${hhmm}::time as t) x)`;
}

/**
 * The time zone to plan a recipient by: the opt-in's (Meta's notification_messages_timezone) when PostgreSQL knows
 * the name, else the organisation's. `pg_timezone_names` is read once per statement (a hashed subplan).
 */
export function recipientTimeZone(userTimeZone: SQL, orgTimeZone: SQL): SQL {
  return sql`(case when ${userTimeZone} in (select name from pg_timezone_names) then ${userTimeZone}
                   when ${orgTimeZone} in (select name from pg_timezone_names) then ${orgTimeZone}
                   else 'UTC' end)`;
}

/** The cadence period of a recurring token: Meta's DAILY / WEEKLY / MONTHLY as rolling periods (sandbox README). */
export function cadencePeriod(frequency: SQL): SQL {
  return sql`(case lower(${frequency}) when 'daily' then interval '1 day' when 'weekly' then interval '7 days' when 'monthly' then interval '30 days' else interval '0' end)`;
}

/** Since September 2025 Meta keeps at least 48 hours between two notifications of one token. */
export const MIN_GAP = sql`interval '48 hours'`;
