"use client";

import { signInWithCredentials } from "@/lib/auth/browser-session";
import type { Translate } from "@/lib/i18n/translate";
import { signInErrorMessage } from "./sign-in-errors";

/**
 * Signs in with email and password without leaving the page (sign-in, and right after sign-up or accepting an
 * invitation). Answers null when signed in, else the refusal in the user's language.
 */
export async function signInWithPassword(email: string, password: string, t: Translate): Promise<string | null> {
  const { error } = await signInWithCredentials(email, password);
  return error ? signInErrorMessage(error, t) : null;
}
