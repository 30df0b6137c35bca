export { describeVerificationLink } from "./describe-verification-link";
export { resendVerificationEmail } from "./resend-verification-email";
export { signUpSchema, type SignUpInput, signUp } from "./sign-up";
export { verifyEmail } from "./verify-email";
