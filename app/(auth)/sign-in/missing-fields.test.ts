import { describe, expect, it } from "vitest";
import { missingSignInFields } from "./missing-fields";

describe("missingSignInFields", () => {
  it("names each empty field, email first, as the form shows them", () => {
    expect(missingSignInFields({ email: "", password: "" })).toEqual(["email", "password"]);
    expect(missingSignInFields({ email: "  ", password: "secret" })).toEqual(["email"]);
    expect(missingSignInFields({ email: "a@example.com", password: "" })).toEqual(["password"]);
  });

  it("lets a filled form through to the server, which alone judges the credentials", () => {
    expect(missingSignInFields({ email: "a@example.com", password: " x " })).toEqual([]);
  });
});
