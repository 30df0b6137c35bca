/** Client-safe limits of external bot connectors (the form and the service share them). */
export const CONNECTOR_NAME_MAX = 80;
export const CONNECTOR_URL_MAX = 2000;
export const CONNECTOR_TIMEOUT_MIN_MS = 500;
export const CONNECTOR_TIMEOUT_MAX_MS = 10_000;
export const CONNECTOR_TIMEOUT_DEFAULT_MS = 3000;
/** An external bot answers one message with at most this many messages (more would flood the person). */
export const CONNECTOR_MAX_MESSAGES = 5;
/** The header carrying our signature: `sha256=<hex HMAC-SHA256 of the raw body with the connector's secret>`. */
export const CONNECTOR_SIGNATURE_HEADER = "X-MessengerDesk-Signature";
export const CONNECTOR_FALLBACKS = ["builtin", "queue"] as const;
