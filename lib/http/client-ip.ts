import { BlockList, isIP } from "node:net";
import { PEER_ADDRESS_HEADER } from "./peer-address";

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** IPv4 peers on a dual-stack socket look like ::ffff:10.0.0.1; compare them as plain IPv4. */
function normalize(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed;
}

/** TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (IPv4 or IPv6) of the proxies in front of the app. */
export function trustedProxies(value = process.env.TRUSTED_PROXIES ?? ""): BlockList {
  const list = new BlockList();
  for (const entry of value.split(",").map((e) => e.trim()).filter(Boolean)) {
    const [address, prefix] = entry.split("/");
    const ip = normalize(address);
    const family = isIP(ip);
    if (!family) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(prefix), type);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

let cached: { value: string; list: BlockList } | undefined;
function configuredProxies(): BlockList {
  const value = process.env.TRUSTED_PROXIES ?? "";
  if (cached?.value !== value) cached = { value, list: trustedProxies(value) };
  return cached.list;
}

/**
 * The address a request comes from, for per-IP limits. It starts at the TCP peer; only while that hop is
 * a configured trusted proxy does it step one entry left in X-Forwarded-For (each proxy appends the
 * address it saw). Entries a client wrote itself sit left of the first untrusted hop and are never read.
 * "unknown" when the peer is not known (a request that did not come through this process's HTTP server).
 */
export function clientIp(headers: HeaderBag, proxies: BlockList = configuredProxies()): string {
  const peer = header(headers, PEER_ADDRESS_HEADER);
  if (!peer) return "unknown";
  let address = normalize(peer);
  const hops = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map(normalize)
    .filter(Boolean);
  while (isTrusted(proxies, address) && hops.length > 0) {
    const next = hops.pop()!;
    if (!isIP(next)) break;
    address = next;
  }
  return address;
}
