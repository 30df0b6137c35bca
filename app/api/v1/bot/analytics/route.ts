import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { botAnalyticsQuerySchema, getBotAnalytics } from "@/lib/services/bot-analytics";

export const GET = withOrg(async (_req, { ctx, query }) => json(await getBotAnalytics({ ctx, input: query })), { permission: "bot.analytics", query: botAnalyticsQuerySchema });
