import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./helpers";

// The browser tests run the app with TRUSTED_PROXIES=127.0.0.1: the test plays a proxy on the same machine
// that appends the client address it saw, and the client puts whatever it likes to the left of it.
test("a forged X-Forwarded-For does not reset the per-IP sign-in limit", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: process.env.APP_URL });
  const realClient = `198.51.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
  const perIp = Number(process.env.SIGN_IN_MAX_FAILURES_PER_IP ?? 30);

  /** One wrong sign-in as the client would send it through the proxy; returns next-auth's error code. */
  const attempt = async (forged: string, client = realClient) => {
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await api.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: uniqueEmail("spray"), password: "wrong-password", json: "true" },
      // The client also tries the header the app stamps with the TCP peer: it is overwritten.
      headers: { "x-forwarded-for": `${forged}, ${client}`, "x-messenger-desk-peer": forged },
    });
    const { url } = (await res.json()) as { url: string };
    return new URL(url).searchParams.get("error");
  };

  for (let i = 0; i < perIp; i++) expect(await attempt(`203.0.113.${i}`)).toBe("unauthorized");
  // A new forged address each time changes nothing: the limit holds for the real client.
  expect(await attempt("203.0.113.250")).toMatch(/^rate_limited:\d+$/);
  expect(await attempt("192.0.2.77")).toMatch(/^rate_limited:\d+$/);
  // Another client behind the same proxy is still counted on its own (the proxy hop, not a constant, is read).
  expect(await attempt("192.0.2.78", "100.64.0.1")).toBe("unauthorized");
  await api.dispose();
});
