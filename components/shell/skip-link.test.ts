import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { MAIN_ID, SkipLink } from "./skip-link";

describe("SkipLink", () => {
  it("links to the page's <main> by its id, hidden until it has focus, in both languages", () => {
    for (const [locale, text] of [
      ["en", "Skip to content"],
      ["zh-CN", "跳到主要内容"],
    ] as const) {
      const html = renderToStaticMarkup(createElement(SkipLink, { label: translator(locale)("shell.skipToContent") }));
      expect(html).toContain(`href="#${MAIN_ID}"`);
      expect(html).toContain(`>${text}</a>`);
      expect(html).toMatch(/class="[^"]*\bsr-only\b[^"]*\bfocus:not-sr-only\b/);
    }
  });
});
