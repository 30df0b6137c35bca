import { describe, expect, it } from "vitest";
import { GraphError } from "./errors";
import { classifyOptinRequestError, notificationMessagesTemplate } from "./recurring";

const refused = (code: number, subcode?: number) => classifyOptinRequestError(new GraphError("refused", 400, code, subcode, "OAuthException", "trace"));

describe("the notification_messages opt-in request", () => {
  it("carries the title, our payload, the cadence upper-cased and re-opt-in, with the image only when there is one", () => {
    expect(notificationMessagesTemplate({ title: "Weekly deals", payload: "topic_x", imageUrl: null, cadence: "weekly" })).toEqual({
      attachment: { type: "template", payload: { template_type: "notification_messages", title: "Weekly deals", payload: "topic_x", notification_messages_frequency: "WEEKLY", notification_messages_reoptin: "ENABLED" } },
    });
    const withImage = notificationMessagesTemplate({ title: "Daily", payload: "p", imageUrl: "https://shop.example/a.png", cadence: "daily" });
    expect((withImage.attachment as { payload: Record<string, unknown> }).payload).toMatchObject({ image_url: "https://shop.example/a.png", notification_messages_frequency: "DAILY" });
  });

  it("maps Meta's refusals to outcomes", () => {
    expect(refused(9, 2018352)).toBe("asked_recently");
    expect(refused(613, 1893016)).toBe("already_subscribed");
    expect(refused(10, 2018278)).toBe("outside_window");
    expect(refused(10, 2534022)).toBe("outside_window");
    expect(refused(10)).toBe("unavailable");
    expect(refused(190, 460)).toBe("reconnect");
    expect(refused(100)).toBe("failed");
    expect(refused(613)).toBe("failed");
  });
});
