import { describe, expect, it } from "vitest";
import { pageTitle } from "./page-title";
import { translator } from "./translate";

describe("pageTitle", () => {
  it("names the thing first, then the sections it sits in", () => {
    expect(pageTitle("Spring sale", "Campaigns")).toBe("Spring sale · Campaigns");
    expect(pageTitle("Members", "Settings")).toBe("Members · Settings");
  });

  it("leaves out what could not be read, so a missing name falls back to the section", () => {
    expect(pageTitle(null, "Channels")).toBe("Channels");
    expect(pageTitle(undefined, "  ", "Campaigns")).toBe("Campaigns");
  });

  it("composes the same way in both languages", () => {
    for (const [locale, section] of [
      ["en", "Channels"],
      ["zh-CN", "渠道"],
    ] as const) {
      const t = translator(locale);
      expect(t("nav.channels")).toBe(section);
      expect(pageTitle("Demo Page", t("nav.channels"))).toBe(`Demo Page · ${section}`);
    }
  });
});
