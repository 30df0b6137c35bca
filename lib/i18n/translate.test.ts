import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, RateLimitedError } from "@/lib/errors";
import { resolveLocale } from "./locales";
import { catalogPartsEn, en } from "./messages/en";
import { zhCN } from "./messages/zh-CN";
import { translateMessage, translator } from "./translate";

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

  // The type checker already demands every key of each <feature>.en.ts in its <feature>.zh-CN.ts; this guards
  // what types cannot see: a key in two parts (the later spread would silently win) and empty texts.
  it("has a Chinese text for every English key, no empty one, and each key in one feature's catalog only", () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(zhCN)) expect(text.trim(), key).not.toBe("");
    const owners = new Map<string, string>();
    for (const [part, messages] of Object.entries(catalogPartsEn)) {
      for (const key of Object.keys(messages)) {
        expect(owners.get(key), `${key} is in ${owners.get(key)} and ${part}`).toBeUndefined();
        owners.set(key, part);
      }
    }
  });

  it("keeps placeholders in translations", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const wanted = (en[key].match(/\{\w+\}/g) ?? []).sort();
      expect((zhCN[key].match(/\{\w+\}/g) ?? []).sort(), key).toEqual(wanted);
    }
    expect(translator("zh-CN")("errors.rateLimited", { minutes: 15 })).toContain("15");
  });
});

describe("server messages by key", () => {
  it("words a domain error in English from the catalog, as the API says it, and carries its key and values", () => {
    const error = new ConflictError("skillGroups.errors.nameTaken", { name: "售后" });
    expect(error.message).toBe('A skill group named "售后" already exists.');
    expect(error.localizable).toEqual({ message: error.message, messageKey: "skillGroups.errors.nameTaken", messageVars: { name: "售后" } });
    expect(new NotFoundError("campaigns.errors.notFound").message).toBe("Campaign not found.");
    expect(new RateLimitedError("auth.errors.rateLimited", 61).message).toBe("Too many failed sign-in attempts. Try again in 2 minutes.");
  });

  it("shows a server error in Chinese in the zh-CN dashboard, by key, labels included", () => {
    expect(translateMessage(new ConflictError("skillGroups.errors.nameTaken", { name: "售后" }).localizable, "zh-CN")).toBe("名为“售后”的技能组已存在。");
    expect(translateMessage(new RateLimitedError("auth.errors.rateLimited", 900).localizable, "zh-CN")).toBe("登录失败次数过多，请在 15 分钟后重试。");
    const tooLong = { message: "Page access token must be at most 1000 characters.", messageKey: "validation.tooLong" as const, messageVars: { field: { key: "channels.field.pageAccessToken" as const }, max: 1000 } };
    expect(translateMessage(tooLong, "zh-CN")).toBe("主页访问令牌最多 1000 个字符。");
    expect(translateMessage(tooLong, "en")).toBe(tooLong.message);
  });

  it("falls back to the English message for a message without a known key", () => {
    expect(translateMessage({ message: "Something new." }, "zh-CN")).toBe("Something new.");
    expect(translateMessage({ message: "Something new.", messageKey: "no.such.key" as never }, "zh-CN")).toBe("Something new.");
  });
});
