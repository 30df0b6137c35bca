import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ

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

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** CPU seconds used so far by every live process of a process group (e.g. `npx next start` and its server). */
export function groupCpuSeconds(pgid: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ");
      if (Number(fields[2]) === pgid) total += (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
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
