import { inputString, say } from "@/lib/validation";

/** What a new password must be; the browser checks it as the user types, the server checks it again. */
export const PASSWORD_MIN_LENGTH = 8;
/** Longer input is refused before hashing: argon2 over a megabyte is work an attacker should not get for free. */
export const PASSWORD_MAX_LENGTH = 200;

export const newPasswordSchema = inputString("field.password", PASSWORD_MAX_LENGTH, { trim: false }).min(PASSWORD_MIN_LENGTH, {
  error: say("validation.tooShort", { field: { key: "field.password" }, min: PASSWORD_MIN_LENGTH }),
});
