import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "./button";

const render = (props: Parameters<typeof Button>[0]) => renderToStaticMarkup(createElement(Button, props));

describe("Button", () => {
  it("stays focusable while loading: aria-disabled and busy, never the disabled attribute that drops focus to <body>", () => {
    const html = render({ type: "submit", loading: true, children: "Save" });
    expect(html).not.toMatch(/\sdisabled=""/);
    expect(html).toContain('aria-disabled="true"');
    expect(html).toContain('aria-busy="true"');
  });

  it("is plainly disabled when asked to be, and neither when idle", () => {
    expect(render({ disabled: true, children: "Save" })).toMatch(/\sdisabled=""/);
    const idle = render({ children: "Save" });
    expect(idle).not.toMatch(/\s(disabled|aria-disabled|aria-busy)="/);
  });
});
