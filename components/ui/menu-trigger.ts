/** The menu trigger's look, shared by the stand-in button (menu.tsx) and Radix's trigger (menu-radix.tsx). */
export const triggerClass =
  "flex items-center rounded-md text-left transition-colors hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-500 data-[state=open]:bg-zinc-100";
