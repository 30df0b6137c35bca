import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { previewText } from "./preview-text";

const en = translator("en");
const zh = translator("zh-CN");
const row = (lastMessageKind: string | null, lastMessagePreview: string | null) => ({ lastMessageKind, lastMessagePreview });

describe("the list's line about the last message", () => {
  it("names a photo, a video and other attachments in the reader's language, never [attachment]", () => {
    expect(previewText(row("image", null), en)).toBe("Photo");
    expect(previewText(row("image", null), zh)).toBe("照片");
    expect(previewText(row("video", null), en)).toBe("Video");
    expect(previewText(row("audio", null), zh)).toBe("音频");
    expect(previewText(row("file", null), en)).toBe("File");
    expect(previewText(row("sticker", null), en)).toBe("Sticker");
    expect(previewText(row("attachment", null), en)).toBe("Attachment");
    expect(previewText(row("hologram", null), en)).toBe("Attachment");
  });

  it("shows texts as they are, a card by its title, and events in words", () => {
    expect(previewText(row("text", "[image]"), en)).toBe("[image]");
    expect(previewText(row("template", "Get the spring sale"), en)).toBe("Message card: Get the spring sale");
    expect(previewText(row("optin", null), zh)).toBe("已订阅");
    expect(previewText(row("referral", null), en)).toBe("Opened a link");
  });

  it("still words the placeholders stored before the kind was kept", () => {
    expect(previewText(row(null, "[attachment]"), en)).toBe("Attachment");
    expect(previewText(row(null, "[attachment]"), zh)).toBe("附件");
    expect(previewText(row(null, "hello"), en)).toBe("hello");
  });
});
