import { describe, expect, it } from "vitest";
import { resolveLocale } from "./locales";
import { en } from "./messages/en";
import { zhCN } from "./messages/zh-CN";
import { translateServerMessage, translator } from "./translate";

describe("languages", () => {
  it("picks Simplified Chinese or English from Accept-Language, and a chosen language wins", () => {
    expect(resolveLocale(undefined, "zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(resolveLocale(undefined, "zh-TW")).toBe("zh-CN");
    expect(resolveLocale(undefined, "fr-FR,en;q=0.5,zh;q=0.4")).toBe("en");
    expect(resolveLocale(undefined, "en;q=0.3,zh;q=0.9")).toBe("zh-CN");
    expect(resolveLocale(undefined, "de")).toBe("en");
    expect(resolveLocale("en", "zh-CN")).toBe("en");
    expect(resolveLocale("xx", "zh-CN")).toBe("zh-CN");
  });

  it("has a Chinese text for every English key, and no empty one", () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(zhCN)) expect(text.trim(), key).not.toBe("");
  });

  it("keeps placeholders in translations", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const wanted = (en[key].match(/\{\w+\}/g) ?? []).sort();
      expect((zhCN[key].match(/\{\w+\}/g) ?? []).sort(), key).toEqual(wanted);
    }
    expect(translator("zh-CN")("errors.rateLimited", { minutes: 15 })).toContain("15");
  });

  it("translates service messages, including ones that carry values", () => {
    expect(translateServerMessage("Enter a valid email address.", "zh-CN")).toBe("请输入有效的邮箱地址。");
    expect(translateServerMessage('A skill group named "售后" already exists.', "zh-CN")).toBe("名为“售后”的技能组已存在。");
    expect(translateServerMessage("Page 123 is already connected as a channel.", "zh-CN")).toBe("主页 123 已作为渠道接入。");
    expect(translateServerMessage("Something new.", "zh-CN")).toBe("Something new.");
    expect(translateServerMessage("Enter a valid email address.", "en")).toBe("Enter a valid email address.");
  });
});
