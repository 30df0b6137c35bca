/**
 * The sandbox's web pages in English and Simplified Chinese. The sandbox is its own program (it imports
 * nothing of the app's, i18n included), so it keeps this small table: the server fills the HTML's
 * {{key}} placeholders from it and hands the browser scripts the same table for what they write.
 * `{name}` in a string is filled by the script.
 */
export const SANDBOX_LOCALES = ["en", "zh-CN"] as const;
export type SandboxLocale = (typeof SANDBOX_LOCALES)[number];

const en = {
  "brand": "Messenger sandbox",
  "language": "Language",
  "user.title": "Messenger sandbox – play a user",
  "user.page": "Page",
  "user.youAre": "You are",
  "user.nobody": "nobody yet",
  "user.newPerson": "New person",
  "user.setupLink": "Apps, Pages and webhooks",
  "user.refPlaceholder": "ref (optional)",
  "user.openLink": "Open link",
  "user.startWith": "Start a conversation with",
  "user.getStarted": "Get Started",
  "user.send": "Send",
  "user.imagePlaceholder": "Image URL https://…",
  "user.sendImage": "Send image",
  "user.markDelivered": "Mark delivered",
  "user.markRead": "Mark read",
  "user.block": "Block Page",
  "user.unblock": "Unblock Page",
  "user.notifyMe": "Notify Me",
  "user.notified": "You'll be notified",
  "user.getMessages": "Get messages",
  "user.subscribed": "Subscribed",
  "user.attachment": "{type} attachment",
  "user.receipt.sent": "Sent",
  "user.receipt.delivered": "Delivered",
  "user.receipt.seen": "Seen",
  "user.status.referral": "Re-entered the thread with ref \"{ref}\" (messaging_referrals sent)",
  "user.status.awaitingGetStarted": "New conversation: tap Get Started",
  "user.status.opened": "Opened the thread",
  "user.status.tapped": "Tapped \"{title}\"",
  "user.status.notifyMe": "Notify Me tapped: messaging_optins sent",
  "user.status.optedIn": "Opted in",
  "user.status.newPerson": "New person created",
  "user.status.getStarted": "Get Started tapped: messaging_postbacks sent",
  "user.status.messageSent": "Message sent",
  "user.status.imageSent": "Image sent",
  "user.status.delivered": "message_deliveries sent",
  "user.status.read": "message_reads sent",
  "user.owner": "Conversation handled by {name}",
  "user.owner.inbox": "the Page Inbox (a person at the Page)",
  "user.inboxTake": "Page Inbox: take over",
  "user.inboxPass": "Page Inbox: hand back",
  "user.inboxRequested": "{name} asks for the conversation back",
  "user.typing": "{page} is typing…",
  "user.seenByPage": "Seen by the Page",
  "user.file": "File",
  "user.status.inboxTook": "The Page Inbox took the conversation: take_thread_control sent",
  "user.status.inboxPassed": "The Page Inbox handed the conversation back: pass_thread_control sent",
  "error": "Error: {message}",
  "setup.title": "Messenger sandbox – apps, Pages and webhooks",
  "setup.heading": "Apps, Pages and webhooks",
  "setup.intro": "What a developer sets up in Meta's App Dashboard: an app, the Pages it serves, and the webhook that receives their events.",
  "setup.back": "← Play a user",
  "setup.apps": "Apps",
  "setup.pages": "Pages",
  "setup.appId": "App ID",
  "setup.appName": "App name",
  "setup.appSecret": "App secret",
  "setup.callbackUrl": "Callback URL",
  "setup.verifyToken": "Verify token",
  "setup.subscription": "Webhook",
  "setup.active": "active",
  "setup.disabled": "disabled",
  "setup.none": "none",
  "setup.pageId": "Page ID",
  "setup.pageName": "Page name",
  "setup.username": "Username",
  "setup.pageToken": "Page access token",
  "setup.app": "App",
  "setup.fields": "Subscribed fields",
  "setup.optional": "optional: generated when empty",
  "setup.createApp": "Create an app",
  "setup.createAppButton": "Create app",
  "setup.createPage": "Create a Page",
  "setup.createPageButton": "Create Page",
  "setup.subscribe": "Subscribe the app's webhook for a Page",
  "setup.subscribeHint": "As Meta does, the sandbox first calls the callback URL with GET hub.mode=subscribe, hub.verify_token and hub.challenge; it must answer 200 with the challenge. The callback URL and verify token belong to the app: every Page of the app delivers its events there.",
  "setup.page": "Page",
  "setup.subscribeButton": "Verify and subscribe",
  "setup.status.appCreated": "App {id} created",
  "setup.status.pageCreated": "Page {id} created: open m.me/{username} to play a user",
  "setup.status.subscribed": "Verified: {url} now receives the events of {page}",
  "setup.status.invalid": "Invalid input: {issues}",
};

export type SandboxMessageKey = keyof typeof en;

const zhCN: Record<SandboxMessageKey, string> = {
  "brand": "Messenger 沙盒",
  "language": "语言",
  "user.title": "Messenger 沙盒 – 扮演用户",
  "user.page": "主页",
  "user.youAre": "你是",
  "user.nobody": "尚无用户",
  "user.newPerson": "新用户",
  "user.setupLink": "应用、主页和 Webhook",
  "user.refPlaceholder": "ref（可选）",
  "user.openLink": "打开链接",
  "user.startWith": "开始与以下主页对话：",
  "user.getStarted": "开始使用",
  "user.send": "发送",
  "user.imagePlaceholder": "图片网址 https://…",
  "user.sendImage": "发送图片",
  "user.markDelivered": "标记为已送达",
  "user.markRead": "标记为已读",
  "user.block": "屏蔽主页",
  "user.unblock": "取消屏蔽主页",
  "user.notifyMe": "通知我",
  "user.notified": "你将收到通知",
  "user.getMessages": "接收消息",
  "user.subscribed": "已订阅",
  "user.attachment": "{type} 附件",
  "user.receipt.sent": "已发送",
  "user.receipt.delivered": "已送达",
  "user.receipt.seen": "已读",
  "user.status.referral": "已通过 ref“{ref}”重新进入对话（已发送 messaging_referrals）",
  "user.status.awaitingGetStarted": "新对话：请点击“开始使用”",
  "user.status.opened": "已打开对话",
  "user.status.tapped": "已点击“{title}”",
  "user.status.notifyMe": "已点击“通知我”：已发送 messaging_optins",
  "user.status.optedIn": "已选择接收",
  "user.status.newPerson": "已创建新用户",
  "user.status.getStarted": "已点击“开始使用”：已发送 messaging_postbacks",
  "user.status.messageSent": "消息已发送",
  "user.status.imageSent": "图片已发送",
  "user.status.delivered": "已发送 message_deliveries",
  "user.status.read": "已发送 message_reads",
  "user.owner": "当前由 {name} 处理此对话",
  "user.owner.inbox": "主页收件箱（主页的工作人员）",
  "user.inboxTake": "主页收件箱：接管对话",
  "user.inboxPass": "主页收件箱：交还对话",
  "user.inboxRequested": "{name} 请求收回此对话",
  "user.typing": "{page} 正在输入…",
  "user.seenByPage": "主页已读",
  "user.file": "文件",
  "user.status.inboxTook": "主页收件箱已接管对话：已发送 take_thread_control",
  "user.status.inboxPassed": "主页收件箱已交还对话：已发送 pass_thread_control",
  "error": "出错：{message}",
  "setup.title": "Messenger 沙盒 – 应用、主页和 Webhook",
  "setup.heading": "应用、主页和 Webhook",
  "setup.intro": "即开发者在 Meta 应用面板中设置的内容：一个应用、它服务的主页，以及接收这些主页事件的 Webhook。",
  "setup.back": "← 扮演用户",
  "setup.apps": "应用",
  "setup.pages": "主页",
  "setup.appId": "应用编号",
  "setup.appName": "应用名称",
  "setup.appSecret": "应用密钥",
  "setup.callbackUrl": "回调网址",
  "setup.verifyToken": "验证令牌",
  "setup.subscription": "Webhook",
  "setup.active": "已启用",
  "setup.disabled": "已停用",
  "setup.none": "无",
  "setup.pageId": "主页编号",
  "setup.pageName": "主页名称",
  "setup.username": "用户名",
  "setup.pageToken": "主页访问口令",
  "setup.app": "应用",
  "setup.fields": "订阅的字段",
  "setup.optional": "可选：留空则自动生成",
  "setup.createApp": "创建应用",
  "setup.createAppButton": "创建应用",
  "setup.createPage": "创建主页",
  "setup.createPageButton": "创建主页",
  "setup.subscribe": "为主页订阅应用的 Webhook",
  "setup.subscribeHint": "与 Meta 一样，沙盒会先以 GET 请求回调网址，附带 hub.mode=subscribe、hub.verify_token 和 hub.challenge；回调须以 200 返回该 challenge。回调网址和验证令牌属于应用：应用的每个主页都把事件发送到这里。",
  "setup.page": "主页",
  "setup.subscribeButton": "验证并订阅",
  "setup.status.appCreated": "已创建应用 {id}",
  "setup.status.pageCreated": "已创建主页 {id}：打开 m.me/{username} 即可扮演用户",
  "setup.status.subscribed": "验证成功：{url} 现在接收 {page} 的事件",
  "setup.status.invalid": "输入无效：{issues}",
};

export const SANDBOX_MESSAGES: Record<SandboxLocale, Record<SandboxMessageKey, string>> = { en, "zh-CN": zhCN };

/**
 * The page's language: the `sandbox_lang` cookie (the language switch) when set, else the first language of
 * the browser's Accept-Language (by q) that the sandbox speaks, else English.
 */
export function pickLocale(acceptLanguage: string | undefined, cookieHeader: string | undefined): SandboxLocale {
  const chosen = /(?:^|;\s*)sandbox_lang=([^;]+)/.exec(cookieHeader ?? "")?.[1];
  if (chosen === "en" || chosen === "zh-CN") return chosen;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return "en";
}
