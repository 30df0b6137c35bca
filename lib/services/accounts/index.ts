/**
 * Accounts: sign-up and e-mail verification.
 * The domain's import path for everything outside it (the browser imports ./schemas only, if at all).
 */
export { describeVerificationLink } from "./describe-verification-link";
export { resendVerificationEmail } from "./resend-verification-email";
export { signUpSchema, type SignUpInput } from "./schemas";
export { signUp } from "./sign-up";
export { verifyEmail } from "./verify-email";
