/**
 * Accounts: sign-up, e-mail verification, and the account's own settings (password, name, address).
 * The domain's import path for everything outside it (the browser imports ./schemas only, if at all).
 */
export { changePassword } from "./change-password";
export { confirmEmailChange } from "./confirm-email-change";
export { describeEmailLink } from "./describe-email-link";
export { describeVerificationLink } from "./describe-verification-link";
export { getAccount, type AccountOverview } from "./get-account";
export { requestEmailChange } from "./request-email-change";
export { requestPasswordReset, type ScheduleDelivery } from "./request-password-reset";
export { resendVerificationEmail } from "./resend-verification-email";
export { resetPassword } from "./reset-password";
export { signUpSchema, type SignUpInput } from "./schemas";
export { signUp } from "./sign-up";
export { updateName } from "./update-name";
export { verifyEmail } from "./verify-email";
