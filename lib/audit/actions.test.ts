import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n/translate";
import { AUDIT_ACTION_IDS, AUDIT_ACTIONS, AUDIT_RESOURCE_TYPES, auditResourceLabelKey } from "./actions";

// The catalogs' types already demand a label per action; this catches an empty or untranslated one.
describe("the audit vocabulary", () => {
  for (const locale of ["en", "zh-CN"] as const) {
    it(`labels every action and resource type in ${locale}`, () => {
      const messages = messagesFor(locale);
      for (const { action, labelKey } of AUDIT_ACTIONS) expect(messages[labelKey]?.trim(), action).toBeTruthy();
      for (const type of AUDIT_RESOURCE_TYPES) expect(messages[auditResourceLabelKey(type)]?.trim(), type).toBeTruthy();
    });
  }

  it("translates every label into Chinese rather than copying the English", () => {
    const en = messagesFor("en");
    const zh = messagesFor("zh-CN");
    const copied = AUDIT_ACTIONS.filter(({ labelKey }) => zh[labelKey] === en[labelKey]).map((a) => a.action);
    expect(copied).toEqual([]);
  });

  it("names actions domain.verb, each once, with a resource type the screen offers", () => {
    expect(new Set(AUDIT_ACTION_IDS).size).toBe(AUDIT_ACTION_IDS.length);
    for (const { action, resourceType } of AUDIT_ACTIONS) {
      expect(action).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(AUDIT_RESOURCE_TYPES).toContain(resourceType);
    }
  });
});
