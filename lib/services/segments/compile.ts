import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { contacts } from "@/db/schema";
import type { SegmentCondition, SegmentDefinition, SegmentLeaf } from "./schemas";

/**
 * A segment definition as an SQL condition over the `contacts` table (unaliased), built with drizzle's sql
 * template: every value from the definition is a bound parameter, never text spliced into the statement.
 * The organisation is always part of it, so a definition can only ever match the organisation's contacts.
 *
 * Subqueries use their own aliases (seg_*), so the condition can sit inside a statement over other tables
 * (the OTN sender's `otn_tokens t`) through `contactInSegment`.
 */
export function segmentWhere(orgId: string, definition: SegmentDefinition): SQL {
  return and(eq(contacts.orgId, orgId), combine(definition.match, definition.conditions.map(compileCondition)))!;
}

/**
 * `exists (the contact <contactId> matches)`: the fragment senders add to their claims, e.g. with
 * contactId = sql`t.contact_id`. contactId must not refer to an unaliased `contacts` table (it would be
 * shadowed by the one inside); a null contact id matches nothing.
 */
export function contactInSegment(orgId: string, definition: SegmentDefinition, contactId: SQL): SQL {
  return sql`exists (select 1 from ${contacts} where ${contacts.id} = ${contactId} and ${segmentWhere(orgId, definition)})`;
}

function combine(match: "all" | "any", parts: SQL[]): SQL {
  if (parts.length === 0) return sql`true`;
  return (match === "all" ? and(...parts) : or(...parts))!;
}

function compileCondition(condition: SegmentCondition): SQL {
  if (condition.kind === "group") return sql`(${combine(condition.match, condition.conditions.map(compileLeaf))})`;
  return compileLeaf(condition);
}

const daysAgo = (days: number) => sql`now() - make_interval(days => ${days}::int)`;
const attribute = (key: string) => sql`(${contacts.attributes} ->> ${key}::text)`;
/** Meta writes zh_CN; people type zh-CN or ZH_cn. */
const normalLocale = (value: SQL | string) => sql`lower(replace(${value}, '-', '_'))`;

function compileLeaf(leaf: SegmentLeaf): SQL {
  switch (leaf.kind) {
    case "label": {
      // One conversation per contact: its labels are the contact's tags.
      const tagged = sql`exists (select 1 from conversations seg_c join conversation_labels seg_cl on seg_cl.conversation_id = seg_c.id
                                  where seg_c.contact_id = ${contacts.id} and seg_cl.label_id = ${leaf.labelId}::uuid)`;
      return leaf.op === "has" ? tagged : sql`not ${tagged}`;
    }
    case "attribute":
      switch (leaf.op) {
        case "equals":
          return sql`lower(${attribute(leaf.key)}) = lower(${leaf.value ?? ""}::text)`;
        case "contains":
          // strpos rather than LIKE: the value's % and _ are plain characters.
          return sql`strpos(lower(${attribute(leaf.key)}), lower(${leaf.value ?? ""}::text)) > 0`;
        case "exists":
          return sql`${attribute(leaf.key)} is not null`;
        case "notExists":
          return sql`${attribute(leaf.key)} is null`;
      }
      break;
    case "channel":
      return sql`${contacts.channelId} = ${leaf.channelId}::uuid`;
    case "locale":
      return leaf.op === "is"
        ? sql`${normalLocale(sql`${contacts.locale}`)} = ${normalLocale(sql`${leaf.value}::text`)}`
        : sql`starts_with(${normalLocale(sql`${contacts.locale}`)}, ${normalLocale(sql`${leaf.value}::text`)})`;
    case "entryRef":
      // Referrals are stored on the person's messages: a referral event, or a Get Started postback's referral.
      return sql`exists (select 1 from conversations seg_c join messages seg_m on seg_m.conversation_id = seg_c.id
                          where seg_c.contact_id = ${contacts.id} and seg_m.referral is not null and seg_m.referral ->> 'ref' = ${leaf.ref}::text)`;
    case "subscribedThrough":
      return leaf.unusedOnly
        ? sql`exists (select 1 from otn_tokens seg_t where seg_t.contact_id = ${contacts.id} and seg_t.campaign_id = ${leaf.campaignId}::uuid and seg_t.status in ('pending', 'spare'))`
        : sql`exists (select 1 from otn_tokens seg_t where seg_t.contact_id = ${contacts.id} and seg_t.campaign_id = ${leaf.campaignId}::uuid)`;
    case "lastInbound":
      return leaf.op === "within"
        ? sql`${contacts.lastInboundAt} >= ${daysAgo(leaf.days)}`
        : sql`(${contacts.lastInboundAt} is null or ${contacts.lastInboundAt} < ${daysAgo(leaf.days)})`;
    case "firstSeen":
      return sql`${contacts.createdAt} >= ${daysAgo(leaf.days)}`;
  }
  throw new Error(`Unknown segment condition ${JSON.stringify(leaf)}`);
}
