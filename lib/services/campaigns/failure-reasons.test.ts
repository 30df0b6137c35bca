import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { explainFailure } from "./failure-reasons";

const en = translator("en");
const zh = translator("zh-CN");
const shown = (t: typeof en, code: number | null, reason: string | null) => {
  const e = explainFailure(code, reason);
  return e.metaCode ? t("campaigns.failure.withCode", { reason: t(e.key), code: e.metaCode }) : t(e.key);
};

describe("send failures in a marketer's words, Meta's code beside them", () => {
  it.each([
    [551, "(#551/1545041) This person isn't available right now.", "This person has blocked the Page or deleted their account. (Meta code 551/1545041)"],
    [190, "(#190/460) Error validating access token: The session has been invalidated.", "The Page's access was revoked: reconnect the channel. (Meta code 190/460)"],
    [10, "(#10/2018278) This message is sent outside of allowed window.", "Messenger's 24-hour window with this person had closed. (Meta code 10/2018278)"],
    [10, "(#10/1893063) Page restricted.", "Meta has temporarily restricted the Page from sending messages. (Meta code 10/1893063)"],
    [613, "(#613) Calls to this api have exceeded the rate limit.", "Meta slowed the Page down (too many messages at once) and the message could not be sent. (Meta code 613)"],
    [2, "(#2) Service temporarily unavailable", "Meta had a temporary problem, and the message could not be sent after several tries. (Meta code 2)"],
    [200, "(#200) Requires pages_messaging permission", "The Page or the app lacks Meta's permission to send this message. (Meta code 200)"],
    [100, "(#100/2018001) No matching user found", "Messenger no longer knows this person: their account may have been deleted. (Meta code 100/2018001)"],
    [100, "(#100) This one time notification token has already been used.", "This person's “Notify Me” permission was already used or is no longer valid. (Meta code 100)"],
    [10, "(#10/2018300) Another app controls the thread", "Another app (such as the Page Inbox) is handling this conversation. (Meta code 10/2018300)"],
    [null, "Graph API unreachable: connect ECONNREFUSED", "Meta could not be reached, so the message may not have gone out."],
    [12345, "(#12345) Something new", "Meta refused the message. (Meta code 12345)"],
  ] as const)("code %s: %s", (code, reason, words) => {
    expect(shown(en, code, reason)).toBe(words);
  });

  it("keeps Meta's own message for the tooltip, and speaks Chinese too", () => {
    expect(explainFailure(551, "(#551/1545041) This person isn't available right now.")).toEqual({
      key: "campaigns.failure.userUnavailable",
      metaCode: "551/1545041",
      metaMessage: "This person isn't available right now.",
    });
    expect(shown(zh, 190, "(#190) Invalid OAuth access token.")).toBe("主页的访问权限已被撤销：请重新连接渠道。（Meta 错误码 190）");
  });
});
