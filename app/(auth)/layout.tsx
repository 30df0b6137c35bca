import type { ReactNode } from "react";
import { PlainHeader } from "@/components/shell/plain-header";
import { MAIN_ID } from "@/components/shell/skip-link";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="relative flex min-h-dvh flex-col bg-zinc-50">
      <div aria-hidden="true" className="pointer-events-none absolute inset-x-0 top-0 h-72 bg-gradient-to-b from-accent-50 to-transparent" />
      <PlainHeader className="relative" />
      <main id={MAIN_ID} tabIndex={-1} className="outline-none relative flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:pt-14">
        <div className="w-full max-w-[400px]">{children}</div>
      </main>
    </div>
  );
}
