import { segmentCountSchema, segmentInputSchema, segmentPreviewSchema, segmentSchema, segmentUpdateSchema, SEGMENT_PREVIEWS_PER_MINUTE } from "@/lib/services/segments/schemas";
import { named, pageOf, type ApiOperation } from "./define";

const segment = named("Segment", segmentSchema);
const segmentId = { segmentId: "The segment's id." };
const nameTaken = "Another segment of the organisation has this name (compared regardless of case).";
const references = "Every label, channel and campaign a condition names must be the organisation's (otherwise 422 naming the condition's field).";

export const segmentOperations: ApiOperation[] = [
  {
    operationId: "listSegments",
    method: "GET",
    path: "/segments",
    summary: "List segments (audiences)",
    description: "Every segment of the organisation on one page, by name, each with its live count of matching contacts.",
    tags: ["Segments"],
    permission: "segments.read",
    response: { status: 200, description: "The segments (`nextCursor` is always null).", body: pageOf(segment) },
  },
  {
    operationId: "createSegment",
    method: "POST",
    path: "/segments",
    summary: "Create a segment",
    description: `A definition of AND/OR conditions, one level of groups, at most 20 conditions. ${references}`,
    tags: ["Segments"],
    permission: "segments.manage",
    body: named("CreateSegment", segmentInputSchema),
    response: { status: 201, description: "The new segment with its live count.", body: segment },
    conflict: nameTaken,
  },
  {
    operationId: "previewSegment",
    method: "POST",
    path: "/segments/preview",
    summary: "Count the contacts of an unsaved definition",
    description: `The live count a form shows while a segment is edited. ${references} At most ${SEGMENT_PREVIEWS_PER_MINUTE} a minute per key or member (then 429 with \`retryAfterSeconds\`).`,
    tags: ["Segments"],
    permission: "segments.manage",
    body: named("PreviewSegment", segmentPreviewSchema),
    response: { status: 200, description: "How many contacts match now.", body: named("SegmentCount", segmentCountSchema) },
  },
  {
    operationId: "getSegment",
    method: "GET",
    path: "/segments/{segmentId}",
    summary: "Get a segment",
    tags: ["Segments"],
    permission: "segments.read",
    pathParams: segmentId,
    response: { status: 200, description: "The segment with its live count.", body: segment },
  },
  {
    operationId: "updateSegment",
    method: "PATCH",
    path: "/segments/{segmentId}",
    summary: "Rename or redefine a segment",
    description: `Changes only the fields sent; send at least one. Campaigns targeting it send to whoever matches when each is sent to. ${references}`,
    tags: ["Segments"],
    permission: "segments.manage",
    pathParams: segmentId,
    body: named("UpdateSegment", segmentUpdateSchema),
    response: { status: 200, description: "The segment after the change, with its live count.", body: segment },
    conflict: nameTaken,
  },
  {
    operationId: "deleteSegment",
    method: "DELETE",
    path: "/segments/{segmentId}",
    summary: "Delete a segment",
    description: "Campaigns already sent to it keep pointing at it.",
    tags: ["Segments"],
    permission: "segments.manage",
    pathParams: segmentId,
    response: { status: 204, description: "Deleted." },
    conflict: "A campaign not yet sent (draft, scheduled, sending or paused) targets the segment.",
  },
];
