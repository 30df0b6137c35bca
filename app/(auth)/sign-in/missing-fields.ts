/** The sign-in form's fields that are empty, in the order they appear: the form names them instead of trying. */
export function missingSignInFields(values: { email: string; password: string }): ("email" | "password")[] {
  return (["email", "password"] as const).filter((field) => values[field].trim() === "");
}
