import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field } from "./field";

function render(props: { hint?: string; error?: string | null }) {
  // eslint-disable-next-line react/no-children-prop -- a .test.ts file has no JSX; the props type requires children
  const html = renderToStaticMarkup(createElement(Field, { id: "name", label: "Name", ...props, children: createElement<Record<string, unknown>>("input", {}) }));
  const input = /<input[^>]*>/.exec(html)![0];
  return { html, describedBy: /aria-describedby="([^"]*)"/.exec(input)?.[1] ?? null, invalid: input.includes('aria-invalid="true"') };
}

describe("Field", () => {
  it("keeps the hint on screen and in the description while an error shows, the error read first", () => {
    const { html, describedBy, invalid } = render({ hint: "Up to 60 characters.", error: "Name is required." });
    expect(invalid).toBe(true);
    expect(describedBy).toBe("name-error name-hint");
    expect(html).toContain('id="name-error"');
    expect(html).toContain("Name is required.");
    expect(html).toContain('id="name-hint"');
    expect(html).toContain("Up to 60 characters.");
  });

  it("does not make each field's error an alert of its own (one announcement per failed submit)", () => {
    expect(render({ error: "Name is required." }).html).not.toContain('role="alert"');
  });

  it("describes a valid field by its hint alone, and a bare field by nothing", () => {
    expect(render({ hint: "Up to 60 characters." })).toMatchObject({ describedBy: "name-hint", invalid: false });
    expect(render({})).toMatchObject({ describedBy: null, invalid: false });
  });
});
