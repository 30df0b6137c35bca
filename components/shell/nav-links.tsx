"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentType, SVGProps } from "react";
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
    link: "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap transition-colors",
    active: "bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-200",
    idle: "text-zinc-600 hover:bg-zinc-200/50 hover:text-zinc-900",
  },
  horizontal: {
    list: "flex gap-1 overflow-x-auto",
    link: "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap transition-colors",
    active: "bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-200",
    idle: "text-zinc-600 hover:bg-zinc-200/50 hover:text-zinc-900",
  },
  tabs: {
    list: "-mb-px flex gap-5 overflow-x-auto",
    link: "flex items-center gap-2 border-b-2 px-0.5 pb-2.5 text-sm font-medium whitespace-nowrap transition-colors",
    active: "border-accent-600 text-zinc-900",
    idle: "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800",
  },
} as const;

/** A navigation landmark of links; the one whose path holds the current page is marked `aria-current="page"`. */
export function NavLinks({ label, links, look, className }: { label: string; links: NavLink[]; look: keyof typeof looks; className?: string }) {
  // Null only outside the App Router; typed nullable since pages/ holds the webhook route.
  const pathname = usePathname() ?? "";
  const style = looks[look];
  return (
    <nav aria-label={label} className={className}>
      <ul className={style.list}>
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
    </nav>
  );
}
