/**
 * Segments ("Audiences"): saved AND/OR definitions over the organisation's contacts, counted live, and the SQL
 * fragment senders use to reach only a segment. The domain's import path for everything outside it (the
 * browser imports ./constants only).
 */
export * from "./schemas";
export { segmentAudience } from "./audience";
export { contactInSegment, segmentWhere } from "./compile";
export { createSegment } from "./create-segment";
export { deleteSegment } from "./delete-segment";
export { countSegment, getSegment } from "./get-segment";
export { listSegments } from "./list-segments";
export { previewSegment } from "./preview-segment";
export { getSegmentInOrg } from "./queries";
export { updateSegment } from "./update-segment";
