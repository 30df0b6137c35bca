import type { accountsEn } from "./accounts.en";

export const accountsZhCN: Record<keyof typeof accountsEn, string> = {
  "email.invitation.subject": "邀请您加入 Messenger Desk 上的 {org}",
  "email.invitation.body":
    "您被邀请以{role}身份加入 Messenger Desk 上的 {org}。\n\n打开以下链接接受邀请（{days} 天后失效）：\n{link}\n\n如果您没有预期收到此邀请，请忽略本邮件。",
  "email.verify.subject": "验证您在 Messenger Desk 的邮箱地址",
  "email.verify.body": "打开以下链接验证您的邮箱地址（{hours} 小时后失效，仅可使用一次）：\n{link}\n\n如果您没有注册 Messenger Desk 账号，请忽略本邮件。",

  "verify.pending.title": "请查收邮件",
  "verify.pending.body": "我们已向 {email} 发送了一个链接。打开它以验证邮箱并完成账号设置。",
  "verify.pending.resend": "重新发送链接",
  "verify.pending.resent": "新的链接已发送至 {email}。",
  "verify.confirm.title": "验证您的邮箱地址",
  "verify.confirm.body": "确认 {email} 是您的邮箱地址。",
  "verify.confirm.submit": "验证邮箱",
  "verify.invalid.title": "此链接已失效",
  "verify.invalid.body": "验证链接仅可使用一次且会过期。请登录后重新获取链接。",
  "verify.notice": "验证邮箱后才能创建组织和接受邀请。",

  "invite.signInFirst": "{email} 已有账号。请用该账号登录，登录后会回到此页面完成加入。",
  "invite.signInButton": "以 {email} 登录",
  "invite.wrongAccount": "您当前以 {current} 登录，但此邀请是发给 {email} 的。请先退出，再以 {email} 登录。",
  "invite.signedInAs": "您当前以 {email} 登录。",

  "outbox.title": "发件箱",
  "outbox.subtitle": "由于未设置 SMTP_URL，应用将邮件保存在这里而不是发送出去。只有实例所有者可以看到此页面。",
  "outbox.smtpOn": "已设置 SMTP_URL：邮件通过 SMTP 发送，这里不会再写入新邮件。",
  "outbox.empty": "暂无邮件。",
  "outbox.to": "收件人",
  "outbox.subject": "主题",
  "outbox.writtenAt": "写入时间",
  "outbox.link": "发件箱",

  // 服务的消息（领域错误、校验）：API 使用英文，控制台按键翻译。
  "verify.errors.rateLimited": "验证邮件发送次数过多，请在 {minutes} 分钟后重试。",
  "verify.errors.linkNotFound": "验证链接无效、已使用或已过期。",
  "verify.errors.accountNotFound": "未找到该账户。",
  "invite.errors.notFound": "邀请链接无效或已过期。",
  "invite.errors.signInAsInvited": "请以被邀请的邮箱登录，然后重新打开邀请链接。",
};
