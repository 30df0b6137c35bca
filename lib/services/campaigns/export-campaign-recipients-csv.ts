import { getDb } from "@/db/client";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { translator } from "@/lib/i18n/translate";
import { explainFailure } from "./failure-reasons";
import { getCampaignInOrg } from "./queries";
import { recipientQuerySchema, type RecipientQuery } from "./schemas";
import { fetchReceipts, fetchRecipients, toRecipient, Row } from "./recipient-rows";

// `delivered` and `read` are true/false for a sent message (from Meta's receipts), empty for one not sent.
// failure_reason stays Meta's raw text; failure_explanation (last, so other columns keep their places) says it plainly.
const CSV_HEADER = ["psid", "name", "status", "opted_in_at", "sent_at", "delivered", "read", "failure_code", "failure_reason", "message_id", "failure_explanation"];
const english = translator("en");

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  // Quote what CSV needs quoted, and defuse spreadsheet formulas in names people chose.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The recipient log as CSV (same filters as the list, every page), for download. */
export async function exportCampaignRecipientsCsv({ ctx, campaignId, input = {} }: { ctx: OrgContext; campaignId: string; input?: Omit<RecipientQuery, "cursor" | "limit"> }): Promise<string> {
  requirePermission(ctx, "campaigns.read");
  const query = parseInput(recipientQuerySchema, { ...input, limit: 100 });
  const { campaign } = await getCampaignInOrg(await getDb(), ctx, campaignId);
  const lines = [CSV_HEADER.join(",")];
  let cursor: string | undefined;
  for (;;) {
    const rows = await fetchRecipients(campaign.id, { ...query, cursor, limit: 5000 });
    const page = rows.slice(0, 5000);
    const receipts = await fetchReceipts(page.map((row) => row.id));
    for (const row of page) {
      const r = toRecipient(row as Row);
      const receipt = receipts.get(r.id);
      const explanation = r.status === "failed" ? english(explainFailure(r.failureCode, r.failureReason).key) : null;
      lines.push([r.psid, r.name, r.status, r.optedInAt, r.sentAt, receipt?.delivered, receipt?.read, r.failureCode, r.failureReason, r.messageId, explanation].map(csvCell).join(","));
    }
    if (rows.length <= 5000) break;
    cursor = rows[4999].id;
  }
  return `${lines.join("\r\n")}\r\n`;
}
