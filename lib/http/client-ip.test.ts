import { describe, expect, it } from "vitest";
import { clientIp, trustedProxies } from "./client-ip";
import { PEER_ADDRESS_HEADER } from "./peer-address";

const from = (peer: string, forwardedFor?: string) => ({ [PEER_ADDRESS_HEADER]: peer, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) });

describe("clientIp", () => {
  it("without TRUSTED_PROXIES, ignores X-Forwarded-For entirely: the TCP peer is the client", () => {
    const none = trustedProxies("");
    expect(clientIp(from("203.0.113.7", "1.2.3.4"), none)).toBe("203.0.113.7");
    expect(clientIp(from("203.0.113.7", "5.6.7.8, 9.9.9.9"), none)).toBe("203.0.113.7");
    expect(clientIp(from("::ffff:203.0.113.7"), none)).toBe("203.0.113.7");
  });

  it("behind trusted proxies, takes the first address left of them; what the client wrote further left is never read", () => {
    const proxies = trustedProxies("10.0.0.0/8, ::1");
    expect(clientIp(from("10.0.0.2", "198.51.100.9"), proxies)).toBe("198.51.100.9");
    // A client that forges an X-Forwarded-For: the proxy appends the real address, which is what counts.
    expect(clientIp(from("10.0.0.2", "1.1.1.1, 198.51.100.9"), proxies)).toBe("198.51.100.9");
    expect(clientIp(from("10.0.0.2", "2.2.2.2, 198.51.100.9"), proxies)).toBe("198.51.100.9");
    // Two proxy hops.
    expect(clientIp(from("::1", "198.51.100.9, 10.1.2.3"), proxies)).toBe("198.51.100.9");
    // An untrusted peer is the client even if it claims to forward.
    expect(clientIp(from("192.0.2.1", "198.51.100.9"), proxies)).toBe("192.0.2.1");
  });

  it("does not trust a client-sent peer header over the stamped one, and says unknown without one", () => {
    expect(clientIp({ "x-forwarded-for": "1.2.3.4" }, trustedProxies(""))).toBe("unknown");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or range", () => {
    expect(() => trustedProxies("proxy.internal")).toThrow(/TRUSTED_PROXIES/);
  });
});
