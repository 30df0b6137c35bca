import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The colour pairs the shared components and pages put text (and focus indicators) on, measured with the WCAG 2.1
 * contrast formula from the tokens themselves: Tailwind's palette (node_modules/tailwindcss/theme.css) with our
 * overrides (app/globals.css @theme). A token change that makes any pair unreadable fails here, before axe sees it.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
function tokens(file: string): Map<string, string> {
  const css = readFileSync(file, "utf8");
  return new Map(Array.from(css.matchAll(/--color-([a-z]+-\d+|white|black):\s*([^;]+);/g), (m) => [m[1], m[2].trim()]));
}
const palette = new Map([...tokens(path.join(root, "node_modules/tailwindcss/theme.css")), ...tokens(path.join(root, "app/globals.css"))]);

type Rgb = [number, number, number];

/** An sRGB colour (0-255) from oklch(L C h) or #rrggbb, as the browser renders it (clamped to sRGB). */
function rgb(name: string): Rgb {
  const value = palette.get(name);
  if (!value) throw new Error(`no colour token --color-${name}`);
  if (value.startsWith("#")) {
    const hex = value.length === 4 ? Array.from(value.slice(1), (d) => d + d).join("") : value.slice(1);
    return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
  }
  const m = /^oklch\(([\d.]+)(%?)\s+([\d.]+)\s+([\d.]+|none)\)$/.exec(value);
  if (!m) throw new Error(`cannot read --color-${name}: ${value}`);
  const L = Number(m[1]) / (m[2] ? 100 : 1);
  const C = Number(m[3]);
  const h = m[4] === "none" ? 0 : (Number(m[4]) * Math.PI) / 180;
  const [a, b] = [C * Math.cos(h), C * Math.sin(h)];
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const mm = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const linear = [4.0767416621 * l - 3.3077115913 * mm + 0.2309699292 * s, -1.2684380046 * l + 2.6097574011 * mm - 0.3413193965 * s, -0.0041960863 * l - 0.7034186147 * mm + 1.707614701 * s];
  return linear.map((c) => {
    const x = Math.min(1, Math.max(0, c));
    return Math.round(255 * (x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055));
  }) as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const [R, G, B] = [r, g, b].map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * R + 0.7152 * G + 0.0722 * B;
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const WHITE: Rgb = [255, 255, 255];
const TEXT = 4.5;
const NON_TEXT = 3; // focus indicators and large text

/** [text, background, minimum, where]: every pair the components use. */
const pairs: [string, string, number, string][] = [
  // Secondary text (zinc-500, the lightest text colour) on every neutral surface it appears on.
  ["zinc-500", "white", TEXT, "secondary text on cards and dialogs"],
  ["zinc-500", "zinc-50", TEXT, "secondary text on the page and table headers"],
  ["zinc-500", "zinc-100", TEXT, "the locale switch's inactive button, hovered rows"],
  ["zinc-500", "zinc-200", TEXT, "secondary text on a hovered grey control"],
  ["zinc-600", "zinc-100", TEXT, "ghost buttons, hovered"],
  ["zinc-700", "zinc-100", TEXT, "neutral badge, highlighted menu item"],
  ["zinc-900", "accent-50", TEXT, "highlighted menu item"],
  ["zinc-600", "zinc-200", TEXT, "disabled and pending primary or danger buttons"],
  ["zinc-500", "zinc-50", TEXT, "disabled secondary buttons, revoked API keys, tables while filtering"],
  // The accent.
  ["accent-600", "white", TEXT, "links, active nav"],
  ["accent-700", "accent-50", TEXT, "accent badge, selected tab"],
  ["accent-700", "accent-100", TEXT, "selected item on a stronger tint"],
  ["white", "accent-600", TEXT, "primary button"],
  ["white", "accent-700", TEXT, "primary button, hovered"],
  ["white", "red-600", TEXT, "danger button"],
  ["white", "red-700", TEXT, "danger button, hovered"],
  ["white", "accent-700", TEXT, "a message echoed from the Page"],
  // Status tones (Badge, Alert) on their tints.
  ["emerald-700", "emerald-50", TEXT, "success badge"],
  ["amber-800", "amber-50", TEXT, "warning badge"],
  ["red-700", "red-50", TEXT, "danger badge"],
  ["red-800", "red-50", TEXT, "error alert"],
  ["red-600", "white", TEXT, "field error"],
  ["emerald-800", "emerald-50", TEXT, "success alert"],
  ["amber-900", "amber-50", TEXT, "warning alert"],
  // Avatars' initials.
  ["sky-700", "sky-100", TEXT, "avatar"],
  ["violet-700", "violet-100", TEXT, "avatar"],
  ["emerald-700", "emerald-100", TEXT, "avatar"],
  ["amber-800", "amber-100", TEXT, "avatar"],
  ["rose-700", "rose-100", TEXT, "avatar"],
  ["teal-700", "teal-100", TEXT, "avatar"],
  ["white", "sky-700", TEXT, "organisation colour"],
  ["white", "violet-600", TEXT, "organisation colour"],
  ["white", "emerald-700", TEXT, "organisation colour"],
  ["white", "amber-700", TEXT, "organisation colour"],
  ["white", "rose-700", TEXT, "organisation colour"],
  ["white", "teal-700", TEXT, "organisation colour"],
  ["white", "indigo-600", TEXT, "organisation colour"],
  ["white", "slate-700", TEXT, "organisation colour"],
  // Focus indicators: the ring around a focused control and the outline on a highlighted menu item.
  ["accent-600", "white", NON_TEXT, "outline of the highlighted menu item"],
  ["accent-600", "accent-50", NON_TEXT, "outline of the highlighted menu item, on its own fill"],
  ["accent-500", "white", NON_TEXT, "focus ring (:focus-visible) on cards and dialogs"],
  ["accent-500", "zinc-50", NON_TEXT, "focus ring (:focus-visible) on the page"],
];

describe("colour contrast of the palette (WCAG 2.1 AA)", () => {
  it.each(pairs)("%s on %s reaches %d:1 (%s)", (fg, bg, min) => {
    const ratio = contrast(rgb(fg), rgb(bg));
    expect(ratio, `${fg} on ${bg}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(min);
  });

  it("Tailwind's own zinc-500 (hence the override) and zinc-400 (hence no text in it) fall short", () => {
    palette.set("tailwind-zinc-500", tokens(path.join(root, "node_modules/tailwindcss/theme.css")).get("zinc-500")!);
    expect(contrast(rgb("tailwind-zinc-500"), rgb("zinc-100"))).toBeLessThan(TEXT);
    expect(contrast(rgb("zinc-400"), WHITE)).toBeLessThan(TEXT);
  });
});
