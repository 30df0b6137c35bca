import { liveOverviewSchema } from "@/lib/services/reports/schemas";
import { named, type ApiOperation } from "./define";

/** The supervisors' live overview (issue 16); the range reports are declared beside it by their own module. */
export const reportsLiveOperations: ApiOperation[] = [
  {
    operationId: "getLiveOverview",
    method: "GET",
    path: "/reports/live",
    summary: "The live overview of agents and queues",
    description:
      "Now, not a range: each agent (a member of a skill group, or anyone carrying a conversation) with presence, load (open and pending conversations assigned) and cap " +
      "(the smallest of their groups' caps); each skill group's queue length, since when its first in line waits, and agents online; the conversations open now (assigned or queued). " +
      "Read it again on the dashboard's live events (conversation and presence changes) rather than polling fast.",
    tags: ["Reports"],
    permission: "reports.service",
    response: { status: 200, description: "The overview.", body: named("LiveOverview", liveOverviewSchema) },
  },
];
