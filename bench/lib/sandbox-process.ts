import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface SandboxProcess {
  child: ChildProcess;
  port: number;
  url: string;
}

/**
 * The Messenger sandbox in its own process (sandbox/main.ts on an ephemeral port), so that neither the
 * load generator nor the app under test shares its single JavaScript thread.
 */
export async function startSandboxProcess(env: Record<string, string> = {}): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, SANDBOX_PORT: "0", APP_URL: "http://127.0.0.1:9", SANDBOX_STATE_FILE: "", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}: ${out}`)));
  });
  child.stdout!.resume();
  return { child, port, url: `http://127.0.0.1:${port}` };
}

export async function stopSandboxProcess(sandbox: SandboxProcess): Promise<void> {
  if (sandbox.child.exitCode !== null) return;
  const exited = new Promise((resolve) => sandbox.child.once("exit", resolve));
  sandbox.child.kill("SIGTERM");
  await exited;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One keep-alive HTTP request (the load generators' client: cheaper than fetch). */
export function request(port: number, method: string, urlPath: string, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) };
    const req = http.request({ host: "127.0.0.1", port, path: urlPath, method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** The sandbox's control API (/_sandbox/api); throws on anything but 200. */
export async function control<T = Record<string, any>>(port: number, method: string, urlPath: string, body?: unknown): Promise<T> {
  const res = await request(port, method, `/_sandbox/api${urlPath}`, body === undefined ? undefined : JSON.stringify(body));
  if (res.status !== 200) throw new Error(`${method} ${urlPath}: ${res.status} ${res.text}`);
  return JSON.parse(res.text) as T;
}

export function closeSandboxClients(): void {
  agent.destroy();
}
