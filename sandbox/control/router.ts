/** A tiny method + path-pattern router for the control API (":name" segments become params). */
export interface ControlRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export type ControlHandler = (req: ControlRequest) => unknown | Promise<unknown>;

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: ControlHandler;
}

export class ControlRouter {
  private readonly routes: Route[] = [];

  on(method: string, path: string, handler: ControlHandler): this {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      })}/?$`,
    );
    this.routes.push({ method, pattern, names, handler });
    return this;
  }

  match(method: string, path: string): { handler: ControlHandler; params: Record<string, string> } | "method_not_allowed" | null {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
      return { handler: route.handler, params };
    }
    return pathMatched ? "method_not_allowed" : null;
  }

  list(): { method: string; path: string }[] {
    return this.routes.map((r) => ({ method: r.method, path: r.pattern.source }));
  }
}
