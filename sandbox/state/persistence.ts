/**
 * Optional JSON persistence so a restart keeps apps, Pages, users, threads and tokens. Writes are debounced
 * (never on the Send API hot path) and atomic (write to a temp file, then rename).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SandboxStore, StoreSnapshot } from "./store";

export class StatePersistence {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: SandboxStore,
    private readonly file: string,
    private readonly debounceMs = 500,
  ) {}

  /** Loads the file into the store if it exists; returns whether it did. */
  load(): boolean {
    if (!existsSync(this.file)) return false;
    const snapshot = JSON.parse(readFileSync(this.file, "utf8")) as StoreSnapshot;
    this.store.restore(snapshot);
    return true;
  }

  attach(): void {
    this.store.onChange(() => this.schedule());
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.saveNow();
    }, this.debounceMs);
    this.timer.unref();
  }

  saveNow(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.store.snapshot()));
    renameSync(temp, this.file);
  }

  /** Flushes a pending save (on shutdown). */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.saveNow();
  }
}
