"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type ComponentType, type RefObject, type SVGProps } from "react";
import { cn } from "@/components/ui/cn";

export interface NavLink {
  href: string;
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
}

/** How a list of links looks: the sidebar, the bar under the header on small screens, or tabs. */
const looks = {
  vertical: {
    list: "space-y-0.5",
    fade: null,
    link: "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap transition-colors",
    active: "bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-200",
    idle: "text-zinc-600 hover:bg-zinc-200/50 hover:text-zinc-900",
  },
  horizontal: {
    list: "flex gap-1 overflow-x-auto scroll-px-8",
    fade: "from-white",
    link: "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap transition-colors",
    active: "bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-200",
    idle: "text-zinc-600 hover:bg-zinc-200/50 hover:text-zinc-900",
  },
  tabs: {
    list: "-mb-px flex gap-5 overflow-x-auto scroll-px-8",
    fade: "from-zinc-50",
    link: "flex items-center gap-2 border-b-2 px-0.5 pb-2.5 text-sm font-medium whitespace-nowrap transition-colors",
    active: "border-accent-600 text-zinc-900",
    idle: "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800",
  },
} as const;

/**
 * A navigation landmark of links; the one whose path holds the current page is marked `aria-current="page"`.
 * A row that does not fit (a phone's main nav, the settings tabs) scrolls inside itself: a fade on the side
 * that hides links says there is more, the current link is scrolled into view on load, and so is each link
 * keyboard focus lands on (the row's scroll padding keeps it clear of the fade).
 */
export function NavLinks({ label, links, look, className }: { label: string; links: NavLink[]; look: keyof typeof looks; className?: string }) {
  // Null only outside the App Router; typed nullable since pages/ holds the webhook route.
  const pathname = usePathname() ?? "";
  const style = looks[look];
  const listRef = useRef<HTMLUListElement>(null);
  const hidden = useHiddenSides(listRef, style.fade !== null);

  useEffect(() => {
    const list = listRef.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (list && current && style.fade) revealInside(list, current);
  }, [pathname, style.fade]);

  const items = (
    <ul ref={listRef} className={style.list}>
      {links.map(({ href, label: text, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link href={href} aria-current={active ? "page" : undefined} className={cn(style.link, active ? style.active : style.idle)}>
              <Icon className={cn("size-4", active ? "text-accent-600" : "text-zinc-500")} />
              {text}
            </Link>
          </li>
        );
      })}
    </ul>
  );
  return (
    <nav aria-label={label} className={className}>
      {style.fade === null ? (
        items
      ) : (
        <div
          className="relative"
          onFocus={(e) => {
            if (listRef.current && e.target instanceof HTMLElement) revealInside(listRef.current, e.target);
          }}
        >
          {items}
          <span
            aria-hidden
            data-testid="nav-fade-start"
            className={cn("pointer-events-none absolute inset-y-0 left-0 w-8 bg-linear-to-r to-transparent transition-opacity", style.fade, hidden.start ? "opacity-100" : "opacity-0")}
          />
          <span
            aria-hidden
            data-testid="nav-fade-end"
            className={cn("pointer-events-none absolute inset-y-0 right-0 w-8 bg-linear-to-l to-transparent transition-opacity", style.fade, hidden.end ? "opacity-100" : "opacity-0")}
          />
        </div>
      )}
    </nav>
  );
}

/**
 * Scrolls `list` sideways, and only it, just enough that `item` shows (clear of the fades): unlike
 * `scrollIntoView`, this never moves the page itself, so opening a page never jumps.
 */
function revealInside(list: HTMLElement, item: HTMLElement) {
  const pad = parseFloat(getComputedStyle(list).scrollPaddingLeft) || 0;
  const box = list.getBoundingClientRect();
  const rect = item.getBoundingClientRect();
  if (rect.left < box.left + pad) list.scrollLeft -= box.left + pad - rect.left;
  else if (rect.right > box.right - pad) list.scrollLeft += Math.min(rect.right - (box.right - pad), rect.left - (box.left + pad));
}

/** Which ends of a sideways-scrolling list hide links, kept current as it scrolls or resizes. */
function useHiddenSides(ref: RefObject<HTMLElement | null>, enabled: boolean) {
  const [hidden, setHidden] = useState({ start: false, end: false });
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const start = el.scrollLeft > 1;
    const end = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setHidden((h) => (h.start === start && h.end === end ? h : { start, end }));
  }, [ref]);
  useEffect(() => {
    const el = ref.current;
    if (!el || !enabled) return;
    measure();
    el.addEventListener("scroll", measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      el.removeEventListener("scroll", measure);
      observer.disconnect();
    };
  }, [ref, enabled, measure]);
  return hidden;
}
