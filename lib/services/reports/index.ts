/** Reports (issue 16): the service and campaign reports over a range, and the supervisors' live overview. */
export * from "./schemas";
export { getLiveOverview } from "./get-live-overview";
