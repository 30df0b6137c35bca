import { GraphError, GraphNetworkError } from "./errors";
import { send, type TransportResponse } from "./transport";

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

  async request<T>({ method = "GET", path, accessToken, query, body }: GraphRequest): Promise<T> {
    const url = new URL(`${this.baseUrl}/${this.version}/${path.replace(/^\/+/, "")}`);
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { accept: "application/json" };
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    let response: TransportResponse;
    try {
      response = await send({ method, url, headers, body: body === undefined ? undefined : JSON.stringify(body), timeoutMs: this.timeoutMs });
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
    return this.request({ method: "POST", path: `${pageId}/messages`, accessToken, body });
  }
}
