import { GraphError, GraphNetworkError } from "./errors";
import { send, type TransportResponse } from "./transport";
import { recordSendApiCall } from "@/lib/observability/send-api-metrics";

/**
 * The one way the app talks to Meta's Graph API. The base URL alone decides whether that is Meta
 * (https://graph.facebook.com) or the sandbox (GRAPH_API_URL=http://127.0.0.1:4010), so tests run the
 * production code path. Tokens travel in the Authorization header, never in logged URLs.
 */
export const DEFAULT_GRAPH_VERSION = "v21.0";

export interface GraphClientOptions {
  baseUrl?: string;
  version?: string;
  timeoutMs?: number;
}

export interface GraphRequest {
  method?: "GET" | "POST" | "DELETE";
  path: string;
  accessToken?: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** A body that is not JSON (the Attachment Upload API's multipart form), sent as is with its content type. */
  rawBody?: { contentType: string; data: Buffer };
}

/** A file for Meta's Attachment Upload API. */
export interface GraphUpload {
  /** Meta's attachment type. */
  type: "image" | "video" | "audio" | "file";
  fileName: string;
  contentType: string;
  data: Uint8Array;
}

export function graphBaseUrl(): string {
  return (process.env.GRAPH_API_URL || "https://graph.facebook.com").replace(/\/+$/, "");
}

export class GraphClient {
  readonly baseUrl: string;
  readonly version: string;
  private readonly timeoutMs: number;

  constructor(options: GraphClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? graphBaseUrl()).replace(/\/+$/, "");
    this.version = options.version ?? DEFAULT_GRAPH_VERSION;
    this.timeoutMs = options.timeoutMs ?? 20_000;
  }

  async request<T>({ method = "GET", path, accessToken, query, body, rawBody }: GraphRequest): Promise<T> {
    const url = new URL(`${this.baseUrl}/${this.version}/${path.replace(/^\/+/, "")}`);
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { accept: "application/json" };
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    if (rawBody) headers["content-type"] = rawBody.contentType;
    let response: TransportResponse;
    try {
      response = await send({ method, url, headers, body: rawBody ? rawBody.data : body === undefined ? undefined : JSON.stringify(body), timeoutMs: this.timeoutMs });
    } catch (error) {
      throw new GraphNetworkError(`Graph API unreachable: ${(error as Error).message}`, error);
    }
    const { text } = response;
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      throw new GraphError(`Graph API answered ${response.status} with a non-JSON body`, response.status, -1, undefined, undefined, undefined);
    }
    const error = (parsed as { error?: { message?: string; code?: number; error_subcode?: number; type?: string; fbtrace_id?: string } }).error;
    if (response.status < 200 || response.status > 299 || error) {
      throw new GraphError(error?.message ?? `HTTP ${response.status}`, response.status, error?.code ?? -1, error?.error_subcode, error?.type, error?.fbtrace_id);
    }
    return parsed as T;
  }

  /** The Page a Page access token belongs to. */
  getTokenPage(accessToken: string): Promise<{ id: string; name: string; username?: string }> {
    return this.request({ path: "me", accessToken, query: { fields: "id,name,username" } });
  }

  subscribeApp(pageId: string, accessToken: string, fields: readonly string[]): Promise<{ success: boolean }> {
    return this.request({ method: "POST", path: `${pageId}/subscribed_apps`, accessToken, query: { subscribed_fields: fields.join(",") } });
  }

  getSubscribedApps(pageId: string, accessToken: string): Promise<{ data: { id: string; name?: string; subscribed_fields?: string[] }[] }> {
    return this.request({ path: `${pageId}/subscribed_apps`, accessToken });
  }

  /** The Pages a user token manages, each with a Page access token (non-expiring when the user token is long-lived). */
  getPageAccounts(userAccessToken: string): Promise<{ data: { id: string; name?: string; access_token?: string }[] }> {
    return this.request({ path: "me/accounts", accessToken: userAccessToken, query: { fields: "id,name,access_token" } });
  }

  /** Exchanges a short-lived token for a long-lived one (about 60 days for user tokens). */
  exchangeToken(appId: string, appSecret: string, shortLivedToken: string): Promise<{ access_token: string; token_type?: string; expires_in?: number }> {
    return this.request({
      path: "oauth/access_token",
      query: { grant_type: "fb_exchange_token", client_id: appId, client_secret: appSecret, fb_exchange_token: shortLivedToken },
    });
  }

  getUserProfile(psid: string, accessToken: string): Promise<{ id: string; first_name?: string; last_name?: string; profile_pic?: string; locale?: string }> {
    return this.request({ path: psid, accessToken, query: { fields: "first_name,last_name,profile_pic,locale" } });
  }

  sendMessage(pageId: string, accessToken: string, body: Record<string, unknown>): Promise<{ recipient_id?: string; message_id?: string }> {
    return this.sendApi(pageId, accessToken, body);
  }

  /** A sender action (typing_on, typing_off, mark_seen) in a person's thread: no message, no messaging_type. */
  sendSenderAction(pageId: string, accessToken: string, psid: string, action: "typing_on" | "typing_off" | "mark_seen"): Promise<{ recipient_id?: string }> {
    return this.sendApi(pageId, accessToken, { recipient: { id: psid }, sender_action: action });
  }

  /** POST /{page-id}/messages, counted per Page by outcome (messenger_send_api_calls_total). */
  private async sendApi(pageId: string, accessToken: string, body: Record<string, unknown>): Promise<{ recipient_id?: string; message_id?: string }> {
    try {
      const answer = await this.request<{ recipient_id?: string; message_id?: string }>({ method: "POST", path: `${pageId}/messages`, accessToken, body });
      recordSendApiCall(pageId, "sent");
      return answer;
    } catch (error) {
      // By the class of Meta's error (rate_limit, auth, outside_window...): a handful of label values.
      recordSendApiCall(pageId, error instanceof GraphError ? error.errorClass : "network");
      throw error;
    }
  }

  /**
   * Meta's Attachment Upload API: the file as multipart `filedata` with `message` = the attachment's type and
   * is_reusable, answered with an attachment_id the Send API takes instead of the file (for this Page only).
   */
  uploadAttachment(pageId: string, accessToken: string, file: GraphUpload): Promise<{ attachment_id: string }> {
    const boundary = `----md${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
    const message = JSON.stringify({ attachment: { type: file.type, payload: { is_reusable: true } } });
    const safeName = file.fileName.replace(/["\r\n]/g, "_");
    const data = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="message"\r\n\r\n${message}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="filedata"; filename="${safeName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`),
      Buffer.from(file.data),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.request({ method: "POST", path: `${pageId}/message_attachments`, accessToken, rawBody: { contentType: `multipart/form-data; boundary=${boundary}`, data } });
  }

  /** Conversation Routing: hands the thread to another app (Meta's Page Inbox is 263902037430900). */
  passThreadControl(pageId: string, accessToken: string, psid: string, targetAppId: string, metadata?: string): Promise<{ success?: boolean }> {
    return this.request({ method: "POST", path: `${pageId}/pass_thread_control`, accessToken, body: { recipient: { id: psid }, target_app_id: targetAppId, ...(metadata ? { metadata } : {}) } });
  }

  /** Conversation Routing: the Page's primary app takes the thread back from whichever app holds it. */
  takeThreadControl(pageId: string, accessToken: string, psid: string, metadata?: string): Promise<{ success?: boolean }> {
    return this.request({ method: "POST", path: `${pageId}/take_thread_control`, accessToken, body: { recipient: { id: psid }, ...(metadata ? { metadata } : {}) } });
  }

  // --- Messenger profile (Get Started, greeting, persistent menu), per Page, with the Page token ---

  /** Sets the fields sent (get_started, greeting, persistent_menu); fields not sent stay as they are. */
  setMessengerProfile(accessToken: string, profile: MessengerProfile): Promise<{ result: string }> {
    return this.request({ method: "POST", path: "me/messenger_profile", accessToken, body: profile });
  }

  getMessengerProfile(accessToken: string, fields: readonly MessengerProfileField[] = ["get_started", "greeting", "persistent_menu"]): Promise<{ data: MessengerProfile[] }> {
    return this.request({ path: "me/messenger_profile", accessToken, query: { fields: fields.join(",") } });
  }

  /** Removes fields; Meta refuses to remove get_started while a persistent menu is set (remove both together). */
  deleteMessengerProfile(accessToken: string, fields: readonly MessengerProfileField[]): Promise<{ result: string }> {
    return this.request({ method: "DELETE", path: "me/messenger_profile", accessToken, body: { fields } });
  }

  // --- Facebook Login (onboarding Pages with the platform app) ---

  /** Exchanges the login dialog's code for a (short-lived) user token; redirect_uri must be the dialog's. */
  exchangeCode(appId: string, appSecret: string, redirectUri: string, code: string): Promise<{ access_token: string; token_type?: string; expires_in?: number }> {
    return this.request({ path: "oauth/access_token", query: { client_id: appId, client_secret: appSecret, redirect_uri: redirectUri, code } });
  }

  /** Who a user token belongs to. */
  getMe(userAccessToken: string): Promise<{ id: string; name?: string }> {
    return this.request({ path: "me", accessToken: userAccessToken, query: { fields: "id,name" } });
  }

  /** Every permission the person was asked for, granted or declined. */
  getPermissions(userAccessToken: string): Promise<{ data: { permission: string; status: "granted" | "declined" | "expired" }[] }> {
    return this.request({ path: "me/permissions", accessToken: userAccessToken });
  }

  /**
   * The Pages a user token may act for, with their tasks, pictures and Page tokens, following Graph's cursor
   * paging to the end (at most `maxPages` requests: a person with thousands of Pages is cut off, not looped on).
   */
  async listPageAccounts(userAccessToken: string, { pageSize = 100, maxPages = 20 } = {}): Promise<PageAccount[]> {
    const pages: PageAccount[] = [];
    let after: string | undefined;
    for (let request = 0; request < maxPages; request++) {
      const answer = await this.request<{ data: PageAccount[]; paging?: { cursors?: { after?: string }; next?: string } }>({
        path: "me/accounts",
        accessToken: userAccessToken,
        query: { fields: "id,name,access_token,tasks,picture{url}", limit: pageSize, after },
      });
      pages.push(...answer.data);
      after = answer.paging?.cursors?.after;
      if (!answer.paging?.next || !after || answer.data.length === 0) break;
    }
    return pages;
  }

  /**
   * Meta's token inspection: whether `inputToken` is valid, its app, type, Page and scopes, and the error
   * (190 with a subcode) when not. Asked with the app's own token (`{app-id}|{app-secret}`).
   */
  debugToken(inputToken: string, appId: string, appSecret: string): Promise<{ data: DebugTokenData }> {
    return this.request({ path: "debug_token", accessToken: `${appId}|${appSecret}`, query: { input_token: inputToken } });
  }

  /** Removes the app's webhook subscription from the Page (Disconnect). */
  unsubscribeApp(pageId: string, accessToken: string): Promise<{ success: boolean }> {
    return this.request({ method: "DELETE", path: `${pageId}/subscribed_apps`, accessToken });
  }
}

/** One Page from `/me/accounts`. */
export interface PageAccount {
  id: string;
  name?: string;
  access_token?: string;
  tasks?: string[];
  picture?: { data?: { url?: string } };
}

export interface DebugTokenData {
  app_id?: string;
  type?: "PAGE" | "USER" | "APP" | "SYSTEM_USER";
  application?: string;
  is_valid: boolean;
  /** 0 for tokens that never expire (Page tokens from a long-lived user token). */
  expires_at?: number;
  scopes?: string[];
  profile_id?: string;
  user_id?: string;
  error?: { code: number; message: string; subcode?: number };
}

export type MessengerProfileField = "get_started" | "greeting" | "persistent_menu";

/** The Messenger profile as Meta's /me/messenger_profile takes and answers it. */
export interface MessengerProfile {
  get_started?: { payload: string };
  greeting?: { locale: string; text: string }[];
  persistent_menu?: {
    locale: string;
    composer_input_disabled?: boolean;
    call_to_actions: ({ type: "postback"; title: string; payload: string } | { type: "web_url"; title: string; url: string; webview_height_ratio?: "compact" | "tall" | "full" })[];
  }[];
}
