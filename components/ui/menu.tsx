"use client";

import { createContext, useContext, useState, type ComponentProps, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";
import { cn } from "./cn";
import { triggerClass } from "./menu-trigger";
import type * as RadixMenuModule from "./menu-radix";

/**
 * The dashboard's dropdown menus (organisation switcher, account menu, row menus), on Radix's primitive
 * (menu-radix.tsx: menu semantics, arrow keys, typeahead, Escape, focus back on the trigger, closes when
 * focus leaves).
 *
 * Radix's menu is about 29 KB of gzipped JavaScript, and the shell shows two menus on every page, so until a
 * menu is wanted its trigger is a plain button with the same look and name (aria-haspopup="menu"). Pointing
 * at it or focusing it starts loading the menu; a click, Enter, Space or an arrow key swaps in Radix's menu,
 * already open. Pages load without it (scripts/bundle-budget.mjs holds them to 180 KB).
 */
type Loaded = typeof RadixMenuModule;
let loaded: Loaded | null = null;
let loading: Promise<Loaded> | null = null;
function loadMenu(): Promise<Loaded> {
  loading ??= import("./menu-radix").then((menu) => (loaded = menu));
  return loading;
}

const LoadedMenu = createContext<Loaded | null>(null);
function useLoadedMenu(): Loaded {
  const menu = useContext(LoadedMenu);
  // Items render only inside an open menu, which exists only once the module has loaded.
  if (!menu) throw new Error("Menu items must be rendered inside <Menu>");
  return menu;
}

type MenuProps = Omit<ComponentProps<Loaded["RadixMenu"]>, "initiallyOpen">;

const OPENING_KEYS = new Set(["Enter", " ", "ArrowDown", "ArrowUp"]);

export function Menu(props: MenuProps) {
  const [menu, setMenu] = useState<Loaded | null>(loaded);
  const [openOnLoad, setOpenOnLoad] = useState(false);
  if (menu) {
    return (
      <LoadedMenu.Provider value={menu}>
        <menu.RadixMenu {...props} initiallyOpen={openOnLoad} />
      </LoadedMenu.Provider>
    );
  }
  const open = () => {
    setOpenOnLoad(true);
    void loadMenu().then(setMenu);
  };
  const { trigger, label, triggerHasText = false, className } = props;
  return (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      aria-label={triggerHasText ? undefined : label}
      className={cn(triggerClass, className)}
      onPointerEnter={() => void loadMenu()}
      onFocus={() => void loadMenu()}
      onPointerDown={(e: PointerEvent) => {
        if (e.button !== 0) return;
        e.preventDefault();
        open();
      }}
      onKeyDown={(e: KeyboardEvent) => {
        if (!OPENING_KEYS.has(e.key)) return;
        e.preventDefault();
        open();
      }}
    >
      {trigger}
      {triggerHasText && <span className="sr-only">, {label}</span>}
    </button>
  );
}

/** One choice: pass a <Link> or <button> as the child (asChild), or text with `onSelect`. */
export function MenuItem(props: ComponentProps<Loaded["MenuItem"]>) {
  const { MenuItem: Item } = useLoadedMenu();
  return <Item {...props} />;
}

/** A set of exclusive choices (the language), read out as "checked" for the current one. */
export function MenuRadioGroup(props: ComponentProps<Loaded["MenuRadioGroup"]>) {
  const { MenuRadioGroup: Group } = useLoadedMenu();
  return <Group {...props} />;
}

export function MenuLabel({ children }: { children: ReactNode }) {
  const { MenuLabel: Label } = useLoadedMenu();
  return <Label>{children}</Label>;
}

export function MenuSeparator() {
  const { MenuSeparator: Separator } = useLoadedMenu();
  return <Separator />;
}
