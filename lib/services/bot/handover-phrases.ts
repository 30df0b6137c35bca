/**
 * Whether the person asks for a human. The built-in phrases of both languages are matched on the whole
 * message once punctuation and spaces are stripped (short messages such as "人工" or "agent" are requests;
 * "is your agent network in Spain?" is not), plus phrases contained anywhere in a longer message. The
 * organisation's keywords hand over wherever they appear.
 */
const WHOLE_MESSAGE = new Set([
  "转人工", "人工", "人工客服", "真人", "客服", "找客服", "人工服务", "转接人工", "要人工", "我要人工", "找人工", "真人客服", "人工坐席",
  "human", "agent", "a human", "person", "a person", "operator", "human agent", "live agent", "real person", "representative", "customer service", "support agent",
]);
const CONTAINED = [
  "转人工", "人工客服", "转接人工", "找人工", "要人工", "真人客服", "人工服务", "找真人", "跟真人", "和真人", "联系客服",
  "talk to a human", "talk to human", "speak to a human", "speak to someone", "talk to someone", "talk to a person", "speak to a person", "real person", "human agent", "live agent",
  "talk to an agent", "speak to an agent", "talk to agent", "customer service agent", "connect me to", "transfer me to", "i want a human", "need a human",
];

export function normalizePhrase(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export type HandoverAsk = "user_request" | "keyword" | null;

export function handoverAskOf(text: string | null, keywords: readonly string[]): HandoverAsk {
  if (!text) return null;
  const plain = normalizePhrase(text);
  if (!plain) return null;
  if (WHOLE_MESSAGE.has(plain) || WHOLE_MESSAGE.has(plain.replace(/^(please|pls|i want|i need|can i talk to|请|我要|帮我)\s*/, "").replace(/\s*(please|pls|吧|谢谢)$/, ""))) return "user_request";
  if (CONTAINED.some((phrase) => plain.includes(phrase))) return "user_request";
  for (const keyword of keywords) {
    const k = normalizePhrase(keyword);
    if (k && plain.includes(k)) return "keyword";
  }
  return null;
}
