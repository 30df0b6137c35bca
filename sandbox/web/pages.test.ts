/** The sandbox's web pages: in the browser's language (English or Simplified Chinese), with their icon. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { withSandbox } from "../testing/harness";
import { SANDBOX_MESSAGES, pickLocale } from "./messages";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await withSandbox();
});
afterAll(() => sandbox.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${sandbox.url}${path}`, { headers });

describe("the sandbox's pages", () => {
  it("speak Chinese when the browser asks for it, English otherwise", async () => {
    for (const path of ["/_sandbox/", "/_sandbox/setup"]) {
      const zh = await get(path, { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8" });
      expect(zh.status).toBe(200);
      expect(zh.headers.get("content-language")).toBe("zh-CN");
      const html = await zh.text();
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain(SANDBOX_MESSAGES["zh-CN"].brand);
      expect(html).not.toMatch(/\{\{[a-zA-Z.]+\}\}/);

      const en = await (await get(path, { "Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5" })).text();
      expect(en).toContain('<html lang="en">');
      expect(en).toContain("Messenger sandbox");
      expect(en).not.toContain(SANDBOX_MESSAGES["zh-CN"].brand);
    }
    const setup = await (await get("/_sandbox/setup", { "Accept-Language": "zh-CN" })).text();
    expect(setup).toContain("为主页订阅应用的 Webhook");
  });

  it("offer the Page Inbox's take-over and hand-back buttons in both languages", async () => {
    const zh = await (await get("/_sandbox/", { "Accept-Language": "zh-CN" })).text();
    expect(zh).toContain("主页收件箱：接管对话");
    expect(zh).toContain("主页收件箱：交还对话");
    const en = await (await get("/_sandbox/", { "Accept-Language": "en" })).text();
    expect(en).toContain('data-testid="inbox-take">Page Inbox: take over<');
    // Every string the page's script writes exists in both catalogs.
    expect(Object.keys(SANDBOX_MESSAGES["zh-CN"]).sort()).toEqual(Object.keys(SANDBOX_MESSAGES.en).sort());
  });

  it("serve an uploaded file under its name", async () => {
    const form = new FormData();
    form.set("message", JSON.stringify({ attachment: { type: "file", payload: { is_reusable: true } } }));
    form.set("filedata", new Blob(["hello"], { type: "text/plain" }), "notes.txt");
    const res = await fetch(`${sandbox.url}/v21.0/me/message_attachments?access_token=demo-page-token`, { method: "POST", body: form });
    const { attachment_id } = (await res.json()) as { attachment_id: string };
    const saved = sandbox.state.attachments.get(attachment_id)!;
    expect(saved.url).toBe(`${sandbox.url}/_sandbox/media/attachments/${attachment_id}/notes.txt`);
    const file = await get(new URL(saved.url).pathname);
    expect(file.headers.get("content-type")).toBe("text/plain");
    expect(await file.text()).toBe("hello");
    expect((await get("/_sandbox/media/attachments/5000000000000000/x.txt")).status).not.toBe(200);
  });

  it("follow the language switch (a cookie) over Accept-Language", async () => {
    const html = await (await get("/_sandbox/", { "Accept-Language": "en-US", Cookie: "other=1; sandbox_lang=zh-CN" })).text();
    expect(html).toContain('<html lang="zh-CN">');
    const back = await (await get("/_sandbox/", { "Accept-Language": "zh-CN", Cookie: "sandbox_lang=en" })).text();
    expect(back).toContain('<html lang="en">');
  });

  it("hand their scripts the same language's strings", async () => {
    const html = await (await get("/_sandbox/", { "Accept-Language": "zh" })).text();
    const json = /<script id="sandbox-messages" type="application\/json">([^<]*)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(json!)["user.notifyMe"]).toBe("通知我");
  });

  it("have a favicon", async () => {
    const html = await (await get("/_sandbox/")).text();
    expect(html).toContain('<link rel="icon" href="/_sandbox/icon.svg"');
    const icon = await get("/_sandbox/icon.svg");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/svg+xml");
    expect(await icon.text()).toMatch(/^<svg /);
  });
});

describe("choosing the language", () => {
  it("takes the first language the sandbox speaks, by q", () => {
    expect(pickLocale(undefined, undefined)).toBe("en");
    expect(pickLocale("zh-TW", undefined)).toBe("zh-CN");
    expect(pickLocale("de-DE,zh;q=0.8,en;q=0.9", undefined)).toBe("en");
    expect(pickLocale("en;q=0.3,zh-CN;q=0.7", undefined)).toBe("zh-CN");
    expect(pickLocale("zh-CN;q=0,en", undefined)).toBe("en");
    expect(pickLocale("ja", undefined)).toBe("en");
    expect(pickLocale("en", "sandbox_lang=zh-CN")).toBe("zh-CN");
    expect(pickLocale("zh", "sandbox_lang=fr")).toBe("zh-CN");
  });
});
