import type { ReactNode } from "react";
import { cn } from "./cn";

export function EmptyState({
  icon,
  title,
  body,
  action,
  badge,
  className,
}: {
  icon?: ReactNode;
  title: ReactNode;
  body?: ReactNode;
  action?: ReactNode;
  badge?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col items-center rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-14 text-center", className)}>
      {icon && <div className="mb-4 flex size-11 items-center justify-center rounded-full bg-zinc-100 text-zinc-500 ring-8 ring-zinc-50">{icon}</div>}
      {badge && <div className="mb-2">{badge}</div>}
      <h2 className="text-base font-semibold text-zinc-900">{title}</h2>
      {body && <p className="mt-1.5 max-w-md text-sm leading-6 text-zinc-500">{body}</p>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}
