import type { ReactNode } from "react";
import { sandboxPublicUrl } from "@/lib/graph/sandbox";
import { SandboxUrlProvider } from "./_components/sandbox-link";

// Read per request (not at build time): the same build serves the demo against the sandbox and production against Meta.
export const dynamic = "force-dynamic";

/** Campaign pages: the share panels (list and campaign page) learn from here whether the sandbox may be offered. */
export default function CampaignsLayout({ children }: { children: ReactNode }) {
  return <SandboxUrlProvider url={sandboxPublicUrl()}>{children}</SandboxUrlProvider>;
}
