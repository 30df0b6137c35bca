import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";
import { cn } from "./cn";
import { Spinner } from "./icons";

type Variant = "primary" | "secondary" | "ghost" | "danger";
type Size = "sm" | "md";

const base =
  "inline-flex shrink-0 items-center justify-center gap-1.5 rounded-md font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 disabled:pointer-events-none aria-disabled:cursor-not-allowed aria-busy:cursor-wait";
/**
 * Disabled and pending (aria-disabled) buttons are grey, not faded: text at half opacity falls to about 2:1,
 * while zinc-600 on zinc-200 keeps 6:1 (components/ui/palette.test.ts).
 */
const inactiveSolid = "disabled:bg-zinc-200 disabled:text-zinc-600 disabled:shadow-none aria-disabled:bg-zinc-200 aria-disabled:text-zinc-600 aria-disabled:shadow-none";
const variants: Record<Variant, string> = {
  primary: `bg-accent-600 text-white shadow-sm hover:bg-accent-700 focus-visible:outline-accent-500 ${inactiveSolid}`,
  secondary: "border border-zinc-200 bg-white text-zinc-800 shadow-xs hover:bg-zinc-50 hover:border-zinc-300 disabled:bg-zinc-50 disabled:text-zinc-500 aria-disabled:bg-zinc-50 aria-disabled:text-zinc-500",
  ghost: "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 disabled:text-zinc-500 aria-disabled:bg-transparent aria-disabled:text-zinc-500",
  danger: `bg-red-600 text-white shadow-sm hover:bg-red-700 focus-visible:outline-red-500 ${inactiveSolid}`,
};
const sizes: Record<Size, string> = { sm: "h-8 px-2.5 text-[13px]", md: "h-9 px-3.5 text-sm" };

export function buttonClass(variant: Variant = "primary", size: Size = "md", className?: string): string {
  return cn(base, variants[variant], sizes[size], className);
}

export function Button({
  variant = "primary",
  size = "md",
  loading = false,
  className,
  children,
  disabled,
  type = "button",
  onClick,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: Size; loading?: boolean }) {
  // While loading, the button keeps its focus (a disabled button drops it to <body>, and the next Tab starts
  // over at the top of the page): it says it is unavailable and swallows clicks and the submits they cause.
  return (
    <button
      type={type}
      className={buttonClass(variant, size, className)}
      disabled={disabled}
      aria-disabled={(!disabled && loading) || undefined}
      aria-busy={loading || undefined}
      onClick={(event) => {
        if (loading) event.preventDefault();
        else onClick?.(event);
      }}
      {...props}
    >
      {loading && <Spinner className="size-3.5" />}
      {children}
    </button>
  );
}

export function ButtonLink({ variant = "primary", size = "md", className, ...props }: ComponentProps<typeof Link> & { variant?: Variant; size?: Size }) {
  return <Link className={buttonClass(variant, size, className)} {...props} />;
}
