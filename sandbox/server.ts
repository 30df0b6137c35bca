/**
 * The sandbox HTTP server: Graph API at / (versioned or not), the control API at /_sandbox/api, the
 * simulated-user web page at /_sandbox/, and m.me links at /m.me/<page>. `startSandbox()` runs it
 * in-process for tests and benchmarks; sandbox/main.ts runs it standalone.
 */
import { readFileSync } from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { ZodError } from "zod";
import { buildControlRoutes } from "./control/routes";
import { ControlError } from "./control/router";
import { GraphError, graphErrors } from "./graph/graph-error";
import { handleGraph, stripVersion } from "./graph/routes";
import { BodyParseError, parseGraphBody, readBody } from "./http/body";
import { DIALOG_PATH, handleDialog, pagePictureSvg } from "./login/dialog";
import { SandboxCore, type SandboxCoreOptions } from "./sandbox";
import { SimulationError } from "./users/simulator";
import { pickLocale } from "./web/messages";
import { renderPage } from "./web/render";

export interface SandboxOptions extends SandboxCoreOptions {
  /** 0 = ephemeral (default for in-process use). */
  port?: number;
  host?: string;
}

export interface RunningSandbox {
  url: string;
  port: number;
  core: SandboxCore;
  /** Shortcuts to the core's parts. */
  state: SandboxCore["store"];
  controls: { users: SandboxCore["users"]; bulk: SandboxCore["bulk"]; webhooks: SandboxCore["webhooks"]; sendLog: SandboxCore["sendLog"]; clock: SandboxCore["clock"]; subscriptions: SandboxCore["subscriptions"] };
  server: http.Server;
  close(): Promise<void>;
}

const WEB_DIR = path.join(import.meta.dirname, "web");
const STATIC_FILES: Record<string, { file: string; type: string }> = {
  "/_sandbox/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/_sandbox/setup.js": { file: "setup.js", type: "text/javascript; charset=utf-8" },
  "/_sandbox/i18n.js": { file: "i18n.js", type: "text/javascript; charset=utf-8" },
  "/_sandbox/style.css": { file: "style.css", type: "text/css; charset=utf-8" },
  "/_sandbox/icon.svg": { file: "icon.svg", type: "image/svg+xml" },
  // A photo for simulated users to send, served like Meta's CDN serves attachments (the app proxies it).
  "/_sandbox/media/photo.png": { file: "photo.png", type: "image/png" },
};
/** The HTML pages, rendered in the browser's language (sandbox/web/messages.ts). */
const PAGES: Record<string, string> = {
  "/_sandbox/": "index.html",
  "/_sandbox/setup": "setup.html",
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=UTF-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

export function createSandboxServer(core: SandboxCore): http.Server {
  const control = buildControlRoutes(core);
  const staticCache = new Map<string, Buffer>();

  async function handleControl(req: IncomingMessage, res: ServerResponse, pathname: string, query: URLSearchParams): Promise<void> {
    const match = control.match(req.method ?? "GET", pathname.slice("/_sandbox/api".length) || "/");
    if (match === null) return sendJson(res, 404, { error: `no control endpoint ${req.method} ${pathname}` });
    if (match === "method_not_allowed") return sendJson(res, 405, { error: `method ${req.method} not allowed on ${pathname}` });
    try {
      const raw = await readBody(req);
      const body = raw ? (JSON.parse(raw) as unknown) : undefined;
      const result = await match.handler({ params: match.params, query, body });
      sendJson(res, 200, result ?? { ok: true });
    } catch (error) {
      if (error instanceof ZodError) return sendJson(res, 400, { error: "invalid input", issues: error.issues });
      if (error instanceof ControlError || error instanceof SimulationError) return sendJson(res, error.status, { error: error.message });
      if (error instanceof SyntaxError) return sendJson(res, 400, { error: `invalid JSON body: ${error.message}` });
      sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
    }
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    const page = pathname === "/_sandbox" ? PAGES["/_sandbox/"] : (PAGES[pathname] ?? PAGES[pathname.replace(/\/$/, "")]);
    if (page) {
      const locale = pickLocale(req.headers["accept-language"], req.headers.cookie);
      const key = `${page}:${locale}`;
      let content = staticCache.get(key);
      if (!content) staticCache.set(key, (content = Buffer.from(renderPage(readFileSync(path.join(WEB_DIR, page), "utf8"), locale))));
      res.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": content.length,
        "Content-Language": locale,
        "Cache-Control": "no-cache",
        Vary: "Accept-Language, Cookie",
      });
      res.end(content);
      return true;
    }
    const pictureOf = /^\/_sandbox\/media\/pages\/(\d+)\/picture\.svg$/.exec(pathname)?.[1];
    if (pictureOf) {
      const page = core.store.pages.get(pictureOf);
      if (!page) return false;
      const svg = Buffer.from(pagePictureSvg(page));
      res.writeHead(200, { "Content-Type": "image/svg+xml", "Content-Length": svg.length, "Cache-Control": "max-age=300" });
      res.end(svg);
      return true;
    }
    const attachmentId = /^\/_sandbox\/media\/attachments\/(\d+)(?:\/[^/]*)?$/.exec(pathname)?.[1];
    if (attachmentId) {
      const file = core.store.attachmentFiles.get(attachmentId);
      const saved = core.store.attachments.get(attachmentId);
      if (!file || !saved) return false;
      res.writeHead(200, { "Content-Type": saved.contentType ?? "application/octet-stream", "Content-Length": file.length, "Cache-Control": "max-age=3600" });
      res.end(file);
      return true;
    }
    const entry = STATIC_FILES[pathname];
    if (!entry) return false;
    let content = staticCache.get(entry.file);
    if (!content) staticCache.set(entry.file, (content = readFileSync(path.join(WEB_DIR, entry.file))));
    res.writeHead(200, { "Content-Type": entry.type, "Content-Length": content.length, "Cache-Control": "no-cache" });
    res.end(content);
    return true;
  }

  /**
   * Graph requests take a callback-style path (no promises, no body re-copies): this is the Send API hot
   * path that benchmarks hammer, and every microsecond here is per call.
   */
  function handleGraphRequest(req: IncomingMessage, res: ServerResponse, pathname: string, query: URLSearchParams): void {
    const method = (req.method ?? "GET").toUpperCase();
    if (method !== "POST" && method !== "DELETE") return answerGraph(req, res, method, pathname, Object.fromEntries(query));
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    const contentType = req.headers["content-type"] ?? "";
    if (contentType.startsWith("multipart/form-data")) {
      // File uploads (Attachment Upload API, Send API with filedata): off the hot path, parsed by WHATWG FormData.
      req.on("end", () => {
        parseMultipart(Buffer.concat(chunks), contentType)
          .then((fields) => answerGraph(req, res, method, pathname, Object.assign(Object.fromEntries(query), fields)))
          .catch(() => {
            const error = graphErrors.invalidParameter("Invalid multipart/form-data body");
            sendJson(res, error.httpStatus, error.toBody());
          });
      });
      return;
    }
    req.on("end", () => {
      const raw = chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8");
      let params: Record<string, unknown>;
      try {
        params = Object.assign(Object.fromEntries(query), parseGraphBody(raw, req.headers["content-type"]));
      } catch (error) {
        const graphError = error instanceof BodyParseError ? graphErrors.invalidParameter(error.message) : new GraphError(400, 100, "Invalid request");
        return sendJson(res, graphError.httpStatus, graphError.toBody());
      }
      answerGraph(req, res, method, pathname, params);
    });
  }

  function answerGraph(req: IncomingMessage, res: ServerResponse, method: string, pathname: string, params: Record<string, unknown>): void {
    // Graph lets clients override the verb with ?method=delete (used by some SDKs).
    const effectiveMethod = typeof params.method === "string" ? params.method.toUpperCase() : method;
    const response = handleGraph(core.graph, { method: effectiveMethod, path: stripVersion(pathname), params, authorization: req.headers.authorization });
    if (response.delayMs) setTimeout(() => sendJson(res, response.status, response.body), response.delayMs);
    else sendJson(res, response.status, response.body);
  }

  /** The Facebook Login dialog: an HTML page (GET) and its form post (POST, no JavaScript needed). */
  async function serveDialog(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    const form = method === "POST" ? new URLSearchParams(await readBody(req)) : null;
    const answer = handleDialog(core.graph, method, query, form);
    if ("location" in answer) {
      res.writeHead(302, { Location: answer.location, "Cache-Control": "no-store" });
      res.end();
      return;
    }
    const html = Buffer.from(answer.html);
    res.writeHead(answer.status, { "Content-Type": "text/html; charset=utf-8", "Content-Length": html.length, "Cache-Control": "no-store" });
    res.end(html);
  }

  return http.createServer((req, res) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q === -1 ? url : url.slice(0, q);
    const query = new URLSearchParams(q === -1 ? "" : url.slice(q + 1));
    let work: Promise<void> | void;
    if (pathname.startsWith("/_sandbox/api")) work = handleControl(req, res, pathname, query);
    else if (pathname.startsWith("/_sandbox") && serveStatic(req, res, pathname)) return;
    else if (DIALOG_PATH.test(pathname)) work = serveDialog(req, res, query);
    else if (/^(\/_sandbox)?\/m\.me\/rn\/[^/]+\/?$/.test(pathname)) work = redirectMmeLink(core, res, pathname, query, true);
    else if (/^(\/_sandbox)?\/m\.me\/[^/]+\/?$/.test(pathname)) work = redirectMmeLink(core, res, pathname, query);
    else if (pathname === "/" && !query.has("access_token") && req.method === "GET") {
      res.writeHead(302, { Location: "/_sandbox/" });
      res.end();
      return;
    } else {
      try {
        handleGraphRequest(req, res, pathname, query);
      } catch (error) {
        if (!res.headersSent) sendJson(res, 500, { error: { message: String(error), type: "SandboxError", code: 1 } });
      }
      return;
    }
    Promise.resolve(work).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: String(error), type: "SandboxError", code: 1 } });
    });
  });
}

/** multipart/form-data fields: text as strings, files as { kind: "file", data, contentType, fileName }. */
async function parseMultipart(body: Buffer, contentType: string): Promise<Record<string, unknown>> {
  const form = await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType } }).formData();
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") fields[name] = value;
    else fields[name] = { kind: "file", data: Buffer.from(await value.arrayBuffer()), contentType: value.type || "application/octet-stream", fileName: value.name };
  }
  return fields;
}

/** m.me/<username>?ref=... (or m.me/rn/<username>?topic=&cadence=) opens the simulated Messenger page for that Page. */
function redirectMmeLink(core: SandboxCore, res: ServerResponse, pathname: string, query: URLSearchParams, recurring = false): void {
  const name = decodeURIComponent(pathname.replace(/\/$/, "").split("/").pop() ?? "");
  const page = core.store.pageByIdOrUsername(name);
  if (!page) return sendJson(res, 404, { error: `no Page ${name} in the sandbox` });
  const target = new URLSearchParams({ page: page.id });
  const ref = query.get("ref");
  if (ref !== null) target.set("ref", ref);
  // m.me/rn/<page>?topic=&cadence=: Messenger shows the recurring-notification opt-in prompt for the topic.
  if (recurring) {
    target.set("rnTopic", query.get("topic") ?? "");
    target.set("rnCadence", query.get("cadence") ?? "");
  }
  res.writeHead(302, { Location: `/_sandbox/?${target}` });
  res.end();
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const core = new SandboxCore(options);
  const server = createSandboxServer(core);
  server.keepAliveTimeout = 65_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  core.publicUrl = url;
  return {
    url,
    port,
    core,
    state: core.store,
    controls: { users: core.users, bulk: core.bulk, webhooks: core.webhooks, sendLog: core.sendLog, clock: core.clock, subscriptions: core.subscriptions },
    server,
    close: () =>
      new Promise<void>((resolve) => {
        core.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export { SandboxCore } from "./sandbox";
export { DEMO, DEMO_FACEBOOK_USER, PLATFORM, demoCallbackUrl, platformCallbackUrl } from "./state/demo";
export { signatureSha256 } from "./webhooks/signature";
