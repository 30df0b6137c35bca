/** The id of every page's <main>: the skip link's target. */
export const MAIN_ID = "content";

/**
 * "Skip to content": the first tab stop of every page with a header, hidden until focused, so a keyboard user
 * goes past the logo, navigation and menus in one keystroke. A plain anchor: the browser moves focus to the
 * <main id="content" tabIndex={-1}> it names, and the next Tab continues inside it.
 */
export function SkipLink({ label }: { label: string }) {
  return (
    <a
      href={`#${MAIN_ID}`}
      className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-zinc-900 shadow-lg ring-2 ring-accent-500 focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
    >
      {label}
    </a>
  );
}
