/**
 * Where keyboard focus goes when what had it disappears or a submit fails, so it never drops to <body>
 * (from there the next Tab starts over at the top of the page, and a screen reader says nothing).
 */

/** Focuses the first field marked invalid in `form`, once React has rendered the errors. */
export function focusFirstInvalid(form: HTMLFormElement): void {
  requestAnimationFrame(() => {
    const field = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
  });
}

/**
 * Focuses a heading (or any element) that is not focusable by itself: it gets tabindex=-1, so focus lands
 * there and the next Tab continues from it, without adding a tab stop.
 */
export function focusElement(element: HTMLElement | null | undefined): boolean {
  if (!element) return false;
  if (!element.matches("a[href], button, input, select, textarea, [tabindex]")) element.setAttribute("tabindex", "-1");
  element.focus({ preventScroll: false });
  return document.activeElement === element;
}

/** True when focus is nowhere a keyboard user can continue from (or, given `within`, outside it). */
export function focusLost(within?: HTMLElement): boolean {
  const active = document.activeElement;
  if (active === null || active === document.body || !active.isConnected) return true;
  return within ? !within.contains(active) : false;
}
