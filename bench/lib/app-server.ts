import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * A production start needs ENCRYPTION_KEY (lib/crypto/production-secrets.ts). The bench seals tokens in its own
 * process with the development key in .data/ (lib/crypto/secrets.ts), so the app gets that same key.
 */
function benchEncryptionKey(): string {
  if (process.env.ENCRYPTION_KEY) return process.env.ENCRYPTION_KEY;
  const file = path.join(process.env.DATA_DIR ?? path.join(root, ".data"), "encryption-key");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64") + "\n", { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}

/** Builds the app once if there is no production build yet. */
export async function ensureBuild(): Promise<void> {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  if (existsSync(path.join(root, dist, "BUILD_ID"))) return;
  await run("npx", ["next", "build"], {});
}

function run(cmd: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}`))));
  });
}

export interface AppServer {
  url: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `next start` in its own process group, waits until it answers, and stops the whole group. */
export async function startApp(port: number, env: Record<string, string>, options: { nice?: number } = {}): Promise<AppServer> {
  const url = `http://127.0.0.1:${port}`;
  // BENCH_APP_PROFILE=1: the app writes a CPU profile to .next-profiles/ when it stops (SIGTERM).
  const profile = process.env.BENCH_APP_PROFILE ? ["--experimental-cpu-prof"] : [];
  const command = ["npx", "next", "start", "-p", String(port), "-H", "127.0.0.1", ...profile];
  // A worker instance may run at a lower CPU priority, so that background work yields to requests.
  if (options.nice) command.unshift("nice", "-n", String(options.nice));
  const child = spawn(command[0], command.slice(1), {
    cwd: root,
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_SECRET: "bench",
      ENCRYPTION_KEY: benchEncryptionKey(),
      NEXTAUTH_URL: url,
      APP_URL: url,
      PORT: String(port),
      ...env,
    },
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/sign-in`);
      if (res.status < 500) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("app did not start within 60 s");
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    process: child,
    stop: async (signal = "SIGTERM") => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
    },
  };
}
