"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { CheckIcon } from "./icons";

/**
 * A dropdown menu on Radix's primitive, which brings the menu semantics (menu, menuitem, menuitemradio),
 * arrow keys, Home/End, typeahead, Escape and focus back on the trigger. Items are `MenuItem`s: a link or a
 * button passed as the child keeps its own element, and choosing one closes the menu.
 */
export function Menu({
  trigger,
  label,
  triggerHasText = false,
  children,
  align = "left",
  className,
}: {
  trigger: ReactNode;
  label: string;
  /**
   * The trigger shows text (the organisation's name): the button is named by that text followed by `label`
   * (hidden), so speech input can say what it sees (WCAG 2.5.3). Otherwise (an icon) `label` is its name.
   */
  triggerHasText?: boolean;
  children: ReactNode;
  align?: "left" | "right";
  className?: string;
}) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={triggerHasText ? undefined : label}
        className={cn(
          "flex items-center rounded-md text-left transition-colors hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-500 data-[state=open]:bg-zinc-100",
          className,
        )}
      >
        {trigger}
        {triggerHasText && <span className="sr-only">, {label}</span>}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align={align === "right" ? "end" : "start"}
          sideOffset={6}
          collisionPadding={8}
          className="z-30 max-h-(--radix-dropdown-menu-content-available-height) min-w-60 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1 shadow-lg ring-1 ring-black/5"
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

const itemClass =
  "flex w-full cursor-default items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm text-zinc-700 outline-none select-none data-disabled:opacity-50 data-highlighted:bg-zinc-100 data-highlighted:text-zinc-900";

/** One choice: pass a <Link> or <button> as the child (asChild), or text with `onSelect`. */
export function MenuItem({ className, ...props }: ComponentProps<typeof DropdownMenu.Item>) {
  return <DropdownMenu.Item className={cn(itemClass, className)} {...props} />;
}

/** A set of exclusive choices (the language), read out as "checked" for the current one. */
export function MenuRadioGroup({ label, value, onChoose, options }: { label: string; value: string; onChoose: (value: string) => void; options: { value: string; label: string; lang?: string }[] }) {
  return (
    <DropdownMenu.RadioGroup aria-label={label} value={value} onValueChange={onChoose}>
      {options.map((o) => (
        <DropdownMenu.RadioItem key={o.value} value={o.value} lang={o.lang} className={cn(itemClass, "relative pl-8")}>
          <DropdownMenu.ItemIndicator className="absolute left-2.5 inline-flex">
            <CheckIcon className="size-4 text-accent-600" />
          </DropdownMenu.ItemIndicator>
          {o.label}
        </DropdownMenu.RadioItem>
      ))}
    </DropdownMenu.RadioGroup>
  );
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <DropdownMenu.Label className="px-2.5 pt-2 pb-1 text-[11px] font-medium tracking-wide text-zinc-400 uppercase">{children}</DropdownMenu.Label>;
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="my-1 h-px bg-zinc-100" />;
}
