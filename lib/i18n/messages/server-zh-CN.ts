/**
 * Chinese for the messages services write (in English, as the API speaks). Keyed by the English text.
 * Add an entry whenever a service gains a user-facing message.
 */
export const serverMessagesZhCN: { exact: Record<string, string>; patterns: [RegExp, string][] } = {
  exact: {
    "Email is required.": "请输入邮箱。",
    "Enter a valid email address.": "请输入有效的邮箱地址。",
    "Your name is required.": "请输入您的姓名。",
    "Password must be at least 8 characters.": "密码至少 8 个字符。",
    "Password must be at most 200 characters.": "密码最多 200 个字符。",
    "Organisation name is required.": "请输入组织名称。",
    "Organisation name must be at least 2 characters.": "组织名称至少 2 个字符。",
    "Organisation name must be at most 80 characters.": "组织名称最多 80 个字符。",
    "An account with this email already exists. Sign in instead.": "该邮箱已注册，请直接登录。",
    "Role must be one of owner, admin, marketer, agent.": "角色必须是所有者、管理员、营销人员或客服之一。",
    "An organisation must keep at least one owner.": "组织必须至少保留一名所有者。",
    "Only an owner can change an owner's role or make owners.": "只有所有者才能更改所有者的角色或指定所有者。",
    "Only an owner can remove an owner.": "只有所有者才能移除所有者。",
    "Only an owner can invite owners.": "只有所有者才能邀请所有者。",
    "You cannot create a key with more rights than your own.": "不能创建权限高于您自己的密钥。",
    "Name is required.": "请输入名称。",
    "Name must be at most 60 characters.": "名称最多 60 个字符。",
    "Description must be at most 500 characters.": "描述最多 500 个字符。",
    "That is not the password of this account.": "该账户的密码不正确。",
    "Incorrect email or password.": "邮箱或密码错误。",
    "You do not have permission to do this.": "您没有执行此操作的权限。",
    "Invitation not found.": "邀请链接无效或已过期。",
    "Member not found.": "未找到该成员。",
    "Skill group not found.": "未找到该技能组。",
    "Organisation not found.": "未找到该组织。",
    "API key not found.": "未找到该 API 密钥。",
  },
  patterns: [
    [/^(.+) is already a member\.$/, "$1 已经是成员。"],
    [/^(.+) is already in (.+)\.$/, "$1 已在 $2 中。"],
    [/^A skill group named "(.+)" already exists\.$/, "名为“$1”的技能组已存在。"],
    [/^Too many failed sign-in attempts\. Try again in (\d+) minutes\.$/, "登录失败次数过多，请在 $1 分钟后重试。"],
  ],
};
