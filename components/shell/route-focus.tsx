"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { focusElement, focusLost } from "@/components/ui/focus";
import { MAIN_ID } from "./skip-link";

/**
 * After a client-side navigation that removed what had focus (the sign-in button, an organisation in the
 * switcher, a form's submit button), focus goes to the new page's heading (else its <main>) instead of
 * staying on <body>: a screen reader then reads where the user is, and the next Tab continues from there.
 * The first page load keeps the browser's own behaviour, and focus that is still somewhere (a link in the
 * navigation, a field the new page focused itself) is left alone.
 */
export function RouteFocus() {
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // The new page may still be streaming in (its loading skeleton first): look again for a moment.
    let frame = 0;
    const started = performance.now();
    const settle = () => {
      if (!focusLost()) return;
      const main = document.getElementById(MAIN_ID);
      const heading = main?.querySelector<HTMLElement>("h1");
      if (heading && focusElement(heading)) return;
      if (performance.now() - started > 1500) {
        focusElement(main);
        return;
      }
      frame = requestAnimationFrame(settle);
    };
    frame = requestAnimationFrame(settle);
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
  return null;
}
