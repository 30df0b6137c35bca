import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import type { ConversationMessage } from "@/lib/services/conversations/schemas";
import { optinSentence, referralSentence } from "./event-sentences";

const en = translator("en");
const zh = translator("zh-CN");
const spring = { id: "c1", name: "Spring sale", ref: "spring-2026" };
const optin = (payload: string, campaign: ConversationMessage["campaign"], type = "one_time_notif_req") =>
  ({ postback: { type, payload }, campaign });

describe("opt-ins and referrals in words", () => {
  it("says which campaign a Notify Me tap subscribed to, and by which link, in both languages", () => {
    expect(optinSentence(optin("otn:c1", spring), en)).toBe("Subscribed to “Spring sale” via link spring-2026");
    expect(optinSentence(optin("otn:c1", spring), zh)).toBe("通过链接 spring-2026 订阅了“Spring sale”");
    expect(optinSentence(optin("otn:gone", null), en)).toBe("Tapped Notify Me");
    expect(optinSentence(optin("x", null, "something_new"), en)).toBe("Opted in (something_new)");
  });

  it("tells a recurring-notification opt-in from a stop, a resume and a re-opt-in, with the topic", () => {
    const recurring = (change: string) => ({ postback: { type: "notification_messages", payload: "deals", change, title: "Weekly deals" }, campaign: null });
    expect(optinSentence(recurring("optin"), en)).toBe("Subscribed to the notifications “Weekly deals”");
    expect(optinSentence(recurring("stop"), en)).toBe("Stopped the notifications “Weekly deals”");
    expect(optinSentence(recurring("resume"), zh)).toBe("恢复了通知“Weekly deals”");
    expect(optinSentence(recurring("refresh"), en)).toBe("Chose to keep receiving the notifications “Weekly deals”");
  });

  it("says which link was opened, with its campaign when known", () => {
    expect(referralSentence({ ref: "spring-2026", source: "SHORTLINK" }, null, en)).toBe("Opened the link spring-2026");
    expect(referralSentence({ ref: "spring-2026", source: "SHORTLINK" }, spring, en)).toBe("Opened the link spring-2026 of “Spring sale”");
    expect(referralSentence({ ref: "spring-2026", source: "SHORTLINK" }, spring, zh)).toBe("打开了“Spring sale”的链接 spring-2026");
    expect(referralSentence({ ref: "ad-7", source: "ADS" }, null, en)).toBe("Came from ADS (ref: ad-7)");
  });
});
