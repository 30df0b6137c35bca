import { describe, expect, it } from "vitest";
import { previewOf } from "./preview";

describe("previewOf", () => {
  it("keeps the words of texts and tapped buttons, and no words for events", () => {
    expect(previewOf({ kind: "text", text: "hi" })).toEqual({ kind: "text", text: "hi" });
    expect(previewOf({ kind: "postback", text: "Get Started" })).toEqual({ kind: "postback", text: "Get Started" });
    expect(previewOf({ kind: "optin", text: null })).toEqual({ kind: "optin", text: null });
    expect(previewOf({ kind: "referral", text: null })).toEqual({ kind: "referral", text: null });
  });

  it("names an attachment by its type, a sticker as a sticker, and anything unknown as an attachment", () => {
    const one = (attachment: unknown) => previewOf({ kind: "attachments", text: null, attachments: [attachment] }).kind;
    expect(one({ type: "image", payload: { url: "https://x/y.jpg" } })).toBe("image");
    expect(one({ type: "video", payload: { url: "https://x/y.mp4" } })).toBe("video");
    expect(one({ type: "audio", payload: { url: "https://x/y.mp4" } })).toBe("audio");
    expect(one({ type: "file", payload: { url: "https://x/y.pdf" } })).toBe("file");
    expect(one({ type: "sticker", payload: { url: "https://x/s.png" } })).toBe("sticker");
    expect(one({ type: "image", payload: { url: "https://x/s.png", sticker_id: 369239263222822 } })).toBe("sticker");
    expect(one({ type: "hologram" })).toBe("attachment");
    expect(previewOf({ kind: "attachments", text: null, attachments: null }).kind).toBe("attachment");
  });

  it("previews a card by its title or text", () => {
    const card = (payload: unknown) => previewOf({ kind: "attachments", text: null, attachments: [{ type: "template", payload }] });
    expect(card({ template_type: "one_time_notif_req", title: "Spring sale", payload: "otn:1" })).toEqual({ kind: "template", text: "Spring sale" });
    expect(card({ template_type: "button", text: "Pick one", buttons: [] })).toEqual({ kind: "template", text: "Pick one" });
    expect(card({ template_type: "generic", elements: [{ title: "Shoes" }] })).toEqual({ kind: "template", text: "Shoes" });
  });
});
