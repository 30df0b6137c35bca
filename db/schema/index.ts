// Every table the app owns, one file per domain. drizzle-kit generates migrations from this list.
export * from "./tenancy";
export * from "./access";
export * from "./accounts";
export * from "./audit";
export * from "./workflows";
export * from "./channels";
export * from "./messaging";
export * from "./campaigns";
export * from "./routing";
export * from "./desk";
export * from "./facebook-login";
export * from "./bot";
export * from "./reports";
export * from "./csat";
export * from "./topics";
export * from "./permissions";
export * from "./segments";
