import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "@/lib/i18n/client";
import type { Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/translate";
import { LabelPicker } from "./label-picker";

const labels = [
  { id: "l1", name: "VIP", color: "amber" },
  { id: "l2", name: "退款", color: "red" },
];

function render(locale: Locale, props: Partial<Parameters<typeof LabelPicker>[0]>) {
  return renderToStaticMarkup(
    // eslint-disable-next-line react/no-children-prop -- a .test.ts file has no JSX; the props type requires children
    createElement(I18nProvider, { locale, messages: messagesFor(locale), children: createElement(LabelPicker, { labels, value: [], onChange: () => {}, ...props }) }),
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("LabelPicker", () => {
  it("shows the conversation's labels as chips, each removable, in the reader's language", () => {
    const html = render("zh-CN", { value: ["l2"] });
    expect(html.match(/data-testid="label-chip"/g)).toHaveLength(1);
    expect(html).toContain('aria-label="移除 退款"');
    expect(text(html)).toContain("编辑标签");
    expect(text(render("en", { value: [] }))).toContain("No labels");
  });

  it("says it is saving, shows the error, and offers no change when read-only", () => {
    const html = render("en", { value: ["l1"], saving: true, error: "Label not found." });
    expect(text(html)).toContain("Saving…");
    expect(html).toContain('role="alert"');
    const readOnly = render("en", { value: ["l1"], disabled: true });
    expect(readOnly).not.toContain("Remove VIP");
    expect(text(readOnly)).not.toContain("Edit labels");
  });
});
