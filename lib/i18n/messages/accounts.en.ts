/** Email verification, invitations for existing accounts, the mail outbox, and the mail we send. */
export const accountsEn = {
  "email.invitation.subject": "You are invited to join {org} on Messenger Desk",
  "email.invitation.body":
    "You have been invited to join {org} on Messenger Desk as {role}.\n\nOpen this link to accept (it expires in {days} days):\n{link}\n\nIf you did not expect this invitation, you can ignore this email.",
  "email.verify.subject": "Verify your email address for Messenger Desk",
  "email.verify.body":
    "Open this link to verify your email address (it expires in {hours} hours and works once):\n{link}\n\nIf you did not create a Messenger Desk account, you can ignore this email.",

  "verify.pending.title": "Check your email",
  "verify.pending.body": "We sent a link to {email}. Open it to verify your address and finish setting up your account.",
  "verify.pending.resend": "Resend the link",
  "verify.pending.resent": "A new link is on its way to {email}.",
  "verify.confirm.title": "Verify your email address",
  "verify.confirm.body": "Confirm that {email} is your address.",
  "verify.confirm.submit": "Verify email",
  "verify.invalid.title": "This link is no longer valid",
  "verify.invalid.body": "Verification links work once and expire. Sign in and ask for a new link.",
  "verify.notice": "Verify your email address to create organisations and accept invitations.",

  "invite.signInFirst": "You already have an account with {email}. Sign in with it, and you will come back here to join.",
  "invite.signInButton": "Sign in as {email}",
  "invite.wrongAccount": "You are signed in as {current}, but this invitation is for {email}. Sign out, then sign in as {email}.",
  "invite.signedInAs": "You are signed in as {email}.",

  "outbox.title": "Outbox",
  "outbox.subtitle": "Mail the app writes here instead of sending it, because SMTP_URL is not set. Only instance owners see this page.",
  "outbox.smtpOn": "SMTP_URL is set: mail is sent through SMTP and nothing new is written here.",
  "outbox.empty": "No mail yet.",
  "outbox.to": "To",
  "outbox.subject": "Subject",
  "outbox.writtenAt": "Written",
  "outbox.link": "Outbox",

  // Services' messages (domain errors, validation): the API says the English, the dashboard translates by key.
  "verify.errors.rateLimited": "Too many verification emails. Try again in {minutes} minutes.",
  "verify.errors.linkNotFound": "Verification link not found.",
  "verify.errors.accountNotFound": "Account not found.",
  "invite.errors.notFound": "Invitation not found.",
  "invite.errors.signInAsInvited": "Sign in as the invited email address, then open the invitation link again.",
} as const;
