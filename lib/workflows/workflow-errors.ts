/** A function config asks for something the built-in executor does not implement; the sync is refused. */
export class UnsupportedFeatureError extends Error {
  constructor(
    readonly functionId: string,
    readonly feature: string,
  ) {
    super(`Function "${functionId}" uses ${feature}, which the built-in workflow executor does not support. Use Inngest (see docs/workflows.md) or remove it.`);
    this.name = "UnsupportedFeatureError";
  }
}

/** A sync names a serve endpoint other than the app's configured one; the whole sync is refused. */
export class SyncRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyncRefusedError";
  }
}

/** A CEL expression that does not parse, or names a function or variable the executor does not have. */
export class ExpressionError extends Error {
  constructor(message: string, readonly expression: string) {
    super(`${message} in expression ${JSON.stringify(expression)}`);
    this.name = "ExpressionError";
  }
}

/** A cron expression Inngest would not accept (or croner cannot compute). */
export class CronError extends Error {
  constructor(message: string, readonly cron: string) {
    super(`${message} in cron ${JSON.stringify(cron)}`);
    this.name = "CronError";
  }
}

/** A call to the serve endpoint could not be made or its answer could not be trusted. */
export class ProtocolError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = "ProtocolError";
  }
}

/** The event API refused a request (bad key or payload); `status` is the HTTP status to answer. */
export class EventApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = "EventApiError";
  }
}
