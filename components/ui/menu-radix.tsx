"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useRef, useState, type ComponentProps, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "./cn";
import { CheckIcon } from "./icons";
import { triggerClass } from "./menu-trigger";

/**
 * The menu itself, loaded when a trigger is first pointed at, focused or pressed (menu.tsx says why).
 * A dropdown menu on Radix's primitive, which brings the menu semantics (menu, menuitem, menuitemradio),
 * arrow keys, Home/End, typeahead, Escape and focus back on the trigger. Items are `MenuItem`s: a link or a
 * button passed as the child keeps its own element, and choosing one closes the menu.
 *
 * Not modal: a modal menu traps focus and swallows Tab. This one closes when focus leaves it (a click elsewhere,
 * focus moved by script) and Tab or Shift+Tab closes it and moves on from the trigger to the next or previous
 * control, as the WAI-ARIA menu button pattern asks.
 */
export function RadixMenu({
  trigger,
  label,
  triggerHasText = false,
  children,
  align = "left",
  className,
  initiallyOpen = false,
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
  /** Mounted by a click or key on the stand-in trigger (menu.tsx): open at once, as that press asked. */
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const tabbedAway = useRef<1 | -1 | null>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Tab") return;
    e.preventDefault();
    tabbedAway.current = e.shiftKey ? -1 : 1;
    setOpen(false);
  };
  return (
    <DropdownMenu.Root open={open} onOpenChange={setOpen} modal={false}>
      <DropdownMenu.Trigger
        ref={triggerRef}
        aria-label={triggerHasText ? undefined : label}
        className={cn(triggerClass, className)}
      >
        {trigger}
        {triggerHasText && <span className="sr-only">, {label}</span>}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align={align === "right" ? "end" : "start"}
          sideOffset={6}
          collisionPadding={8}
          onKeyDown={onKeyDown}
          onCloseAutoFocus={(e) => {
            const step = tabbedAway.current;
            tabbedAway.current = null;
            if (step === null || !triggerRef.current) return;
            e.preventDefault();
            focusBeside(triggerRef.current, step);
          }}
          className="z-30 max-h-(--radix-dropdown-menu-content-available-height) min-w-60 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1 shadow-lg ring-1 ring-black/5"
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Focuses the control after (1) or before (-1) `from` in the page's tab order, or `from` itself at either end. */
function focusBeside(from: HTMLElement, step: 1 | -1) {
  const tabbable = Array.from(document.querySelectorAll<HTMLElement>(TABBABLE)).filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && !el.closest("[inert]"));
  const next = tabbable[tabbable.indexOf(from) + step];
  (next ?? from).focus();
}

/**
 * The highlighted item (pointer or arrow keys) is outlined in the accent, 5.7:1 against the menu's white: a
 * grey fill alone (zinc-100 on white) is 1.1:1, too faint to see where the keyboard is.
 */
const itemClass =
  "flex w-full cursor-default items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm text-zinc-700 outline-hidden select-none data-disabled:text-zinc-500 data-highlighted:bg-accent-50 data-highlighted:text-zinc-900 data-highlighted:outline-2 data-highlighted:outline-solid data-highlighted:-outline-offset-2 data-highlighted:outline-accent-600";

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
  return <DropdownMenu.Label className="px-2.5 pt-2 pb-1 text-[11px] font-medium tracking-wide text-zinc-500 uppercase">{children}</DropdownMenu.Label>;
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="my-1 h-px bg-zinc-100" />;
}
