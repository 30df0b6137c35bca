import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";

/**
 * Where we may POST a person's messages. A connector's URL is typed by an organisation's admin, so without
 * rules it would let anyone make our servers call our own network (SSRF): production accepts only HTTPS to
 * public addresses, checked again at connect time on the address DNS gave (a name that resolves to 10.x, or
 * starts to after the check, is refused then). Outside production plain HTTP to this machine is allowed, for
 * a bot developed locally and for the tests' bot server.
 */
const privateRanges = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  privateRanges.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const)
  privateRanges.addSubnet(net, prefix, "ipv6");

export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}

/** True for loopback, private, link-local (cloud metadata), shared, multicast and reserved addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is the IPv4 address.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return privateRanges.check(mapped[1]!, "ipv4");
    return privateRanges.check(address, "ipv6");
  }
  return privateRanges.check(address, "ipv4");
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: "invalid" | "https_required" | "private_address" };

/** The URL rules without DNS: scheme, credentials, and literal or well-known local hosts. */
export function checkConnectorUrl(raw: string, production = isProduction()): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (url.username || url.password) return { ok: false, reason: "invalid" };
  const host = url.hostname.toLowerCase();
  const local = LOCAL_HOSTS.has(host) || host.endsWith(".localhost");
  if (url.protocol === "http:") {
    if (production || !local) return { ok: false, reason: "https_required" };
    return { ok: true, url };
  }
  if (url.protocol !== "https:") return { ok: false, reason: "https_required" };
  if (production) {
    if (local) return { ok: false, reason: "private_address" };
    const literal = host.replace(/^\[|\]$/g, "");
    if (isIP(literal) && isPrivateAddress(literal)) return { ok: false, reason: "private_address" };
  }
  return { ok: true, url };
}

/** Raised by the connect-time check; askConnector reports it as "unreachable". */
export class PrivateAddressError extends Error {
  constructor(address: string) {
    super(`refused to connect to a private address (${address})`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A dns.lookup for node:http(s) that refuses private addresses in production: the check happens on the very
 * address the socket connects to, so DNS cannot answer one thing to the check and another to the connection.
 */
export function guardedLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "");
    const list = addresses as LookupAddress[];
    if (isProduction()) {
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(Object.assign(new PrivateAddressError(bad.address), { code: "EPRIVATE" }), "");
    }
    if ((options as { all?: boolean }).all) return callback(null, list);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "");
    callback(null, first.address, first.family);
  });
}
