import type { csatEn } from "./csat.en";

/** 满意度调查：渠道设置、调查文案与服务端消息。 键必须与 csat.en.ts 完全一致。 */
export const csatZhCN: Record<keyof typeof csatEn, string> = {
  "csat.title": "满意度调查",
};
