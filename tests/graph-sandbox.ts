/**
 * The Messenger sandbox as the Graph API for one test file: channel operations that call Graph (connection
 * check, token exchange) reach it through GRAPH_API_URL, the one switch of lib/graph/client.ts, so tests
 * run the production code path and never call Meta.
 */
import { afterAll, beforeAll } from "vitest";
import { DEMO, startSandbox, type RunningSandbox } from "@/sandbox/server";

export interface SandboxPageForTest {
  pageId: string;
  pageAccessToken: string;
  /** A Facebook Login user token that manages only this Page (for exchange-token). */
  userToken: string;
}

export interface GraphSandbox {
  readonly running: RunningSandbox;
  /** Calls the sandbox's control API (sandbox/README.md) and answers its JSON; throws on a non-2xx answer. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  /** A new Page of the demo app (app id and secret as `DEMO`), so each channel gets a Page ID of its own. */
  newPage(): Promise<SandboxPageForTest>;
  /**
   * A Page with the given id and token in an app with the given id and secret, created in the sandbox when
   * missing, so a channel connected with them passes the ownership proof (`/me` answers that Page id).
   */
  page(input: { pageId: string; pageAccessToken: string; appId: string; appSecret: string }): void;
}

export function useGraphSandbox(): GraphSandbox {
  let running: RunningSandbox | undefined;
  const previousUrl = process.env.GRAPH_API_URL;
  beforeAll(async () => {
    running = await startSandbox({ port: 0 });
    process.env.GRAPH_API_URL = running.url;
  });
  afterAll(async () => {
    if (previousUrl === undefined) delete process.env.GRAPH_API_URL;
    else process.env.GRAPH_API_URL = previousUrl;
    await running?.close();
  });

  const sandbox: GraphSandbox = {
    get running() {
      if (!running) throw new Error("sandbox not started: use it inside a test or hook");
      return running;
    },
    async control<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${sandbox.running.url}/_sandbox/api${path}`, {
        method,
        headers: body === undefined ? undefined : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const answer = (await res.json()) as T;
      if (!res.ok) throw new Error(`sandbox ${method} ${path} answered ${res.status}: ${JSON.stringify(answer)}`);
      return answer;
    },
    async newPage() {
      const page = await sandbox.control<{ id: string; accessToken: string }>("POST", "/pages", { appId: DEMO.appId });
      // The control API has no user-token endpoint; the store is the sandbox's own in-process door.
      const userToken = sandbox.running.state.addUserToken([page.id]).token;
      return { pageId: page.id, pageAccessToken: page.accessToken, userToken };
    },
    page({ pageId, pageAccessToken, appId, appSecret }) {
      const state = sandbox.running.state;
      if (!state.apps.has(appId)) state.addApp({ id: appId, secret: appSecret });
      if (!state.pages.has(pageId)) state.addPage({ id: pageId, accessToken: pageAccessToken, appId });
    },
  };
  return sandbox;
}
