import { afterEach, describe, expect, it, vi } from "vitest";
import { sandboxLinkOf } from "@/app/o/[orgSlug]/campaigns/_components/sandbox-link";
import { sandboxPublicUrl } from "./sandbox";

afterEach(() => vi.unstubAllEnvs());

describe("the sandbox offered to browsers", () => {
  it("is never offered against Meta, whatever SANDBOX_PUBLIC_URL says", () => {
    vi.stubEnv("SANDBOX_PUBLIC_URL", "http://sandbox.example:4010");
    vi.stubEnv("GRAPH_API_URL", "");
    expect(sandboxPublicUrl()).toBeNull();
    vi.stubEnv("GRAPH_API_URL", "https://graph.facebook.com/");
    expect(sandboxPublicUrl()).toBeNull();
  });

  it("is the Graph base URL's origin when the app talks to the sandbox, or SANDBOX_PUBLIC_URL when set", () => {
    vi.stubEnv("GRAPH_API_URL", "http://127.0.0.1:4010/");
    vi.stubEnv("SANDBOX_PUBLIC_URL", "");
    expect(sandboxPublicUrl()).toBe("http://127.0.0.1:4010");
    vi.stubEnv("SANDBOX_PUBLIC_URL", "http://localhost:4010/");
    expect(sandboxPublicUrl()).toBe("http://localhost:4010");
  });

  it("opens the campaign's m.me link on the sandbox's m.me emulation, ref kept", () => {
    expect(sandboxLinkOf("https://m.me/demopage?ref=spring_sale-1", "http://127.0.0.1:4010/")).toBe("http://127.0.0.1:4010/m.me/demopage?ref=spring_sale-1");
    expect(sandboxLinkOf("https://m.me/1000000000000001?ref=a%20b", "http://localhost:4010")).toBe("http://localhost:4010/m.me/1000000000000001?ref=a%20b");
  });
});
