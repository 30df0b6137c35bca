import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/** The WCAG 2.1 A and AA rules (issue 19): every page and every dialog the specs open must pass them all. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Scans the page as it stands (a dialog or menu open, if one is) with axe-core and fails the test, softly, so
 * one run lists every page's problems, on any violation. The message names each rule, its impact and the
 * elements it found, with axe's own explanation (for colour contrast: the ratio, both colours, the size).
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const lines = violations.flatMap((v) =>
    v.nodes.map((n) => {
      const why = [...n.any, ...n.all, ...n.none].map((c) => c.message).join("; ");
      return `  ${v.id} (${v.impact ?? "?"}) ${n.target.join(" ")}: ${why || v.help}`;
    }),
  );
  if (lines.length > 0) {
    const summary = `axe ${label}: ${violations.length} rules, ${lines.length} elements`;
    console.log(`${summary}\n${lines.join("\n")}`);
    test.info().annotations.push({ type: "axe", description: summary });
  }
  expect.soft(lines, `axe found WCAG 2.1 AA violations on ${label}:\n${lines.join("\n")}`).toEqual([]);
}
