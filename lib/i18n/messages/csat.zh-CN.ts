import type { csatEn } from "./csat.en";

/** 满意度调查：渠道设置、调查话术、评价展示。 */
export const csatZhCN: Record<keyof typeof csatEn, string> = {
  "csat.title": "满意度调查",
  "csat.description": "会话解决后，如果用户在最近 24 小时内发过消息，主页会请对方从 1 到 5 打分，再邀请留下可选的意见，最后致谢。超出 24 小时窗口则不发送，调查记为已跳过。",
  "csat.enabled": "会话解决后请用户评分",
  "csat.language.en": "英文",
  "csat.language.zh-CN": "简体中文",
  "csat.languageHint": "按用户的 Messenger 语言选择话术；未知时使用组织的默认语言。",
  "csat.field.question": "提问（附快捷回复 1 到 5）",
  "csat.field.commentPrompt": "邀请留言（附“不用了”）",
  "csat.field.thanks": "致谢",
  "csat.save": "保存调查设置",
  "csat.saved": "调查设置已保存。",
  "csat.errors.enabled": "请说明是否开启调查。",
  "csat.panel.title": "满意度",
  "csat.panel.none": "暂无调查。",
  "csat.panel.rating": "评分 {rating} / 5",
  "csat.panel.asked": "已发送，尚未回复",
  "csat.panel.skipped.outside_window": "未发送：超出 24 小时窗口",
  "csat.panel.skipped.send_failed": "未发送：Meta 拒绝了提问",
  "csat.panel.comment": "“{comment}”",
};
