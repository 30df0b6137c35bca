import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "@/lib/i18n/client";
import type { Locale } from "@/lib/i18n/locales";
import { messagesFor, translator } from "@/lib/i18n/translate";
import { CopyField } from "./copy-button";

function renderField(locale: Locale) {
  const t = translator(locale);
  const html = renderToStaticMarkup(
    // eslint-disable-next-line react/no-children-prop -- a .test.ts file has no JSX; the props type requires children
    createElement(I18nProvider, {
      locale,
      messages: messagesFor(locale),
      children: createElement(CopyField, { id: "verify-token", value: "mdv_x", label: t("channels.webhook.verifyToken"), copyName: t("channels.webhook.copyVerifyToken") }),
    }),
  );
  const button = /<button[^>]*>([\s\S]*?)<\/button>/.exec(html)!;
  const text = (markup: string) => markup.replace(/<[^>]+>/g, "");
  const shown = text(button[1].replace(/<span class="sr-only">[\s\S]*?<\/span>/g, ""));
  return { button: button[0], name: text(button[1]), shown };
}

describe("CopyField's button", () => {
  it("is named for what it copies, starting with the words it shows, in both languages", () => {
    expect(renderField("en")).toMatchObject({ name: "Copy verify token", shown: "Copy" });
    expect(renderField("zh-CN")).toMatchObject({ name: "复制验证令牌", shown: "复制" });
  });

  it("takes its name from its text, not an aria-label, so the field's label names the field alone", () => {
    expect(renderField("en").button).not.toContain("aria-label");
  });
});
