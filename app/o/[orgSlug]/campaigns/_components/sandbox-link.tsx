"use client";

import { createContext, useContext, type ReactNode } from "react";

/**
 * The Messenger sandbox's address for browsers, when the app runs against the sandbox (the demo, development):
 * the share panel then offers to open the campaign's link there. Null against Meta.
 */
const SandboxUrl = createContext<string | null>(null);

export function SandboxUrlProvider({ url, children }: { url: string | null; children: ReactNode }) {
  return <SandboxUrl.Provider value={url}>{children}</SandboxUrl.Provider>;
}

export function useSandboxUrl(): string | null {
  return useContext(SandboxUrl);
}

/**
 * The share link as the sandbox serves it: https://m.me/<page>?ref=<ref> becomes <sandbox>/m.me/<page>?ref=<ref>,
 * which opens the sandbox's Messenger page on that Page's thread with the ref (sandbox/README.md, "The user page").
 */
export function sandboxLinkOf(shareLink: string, sandboxUrl: string): string {
  const link = new URL(shareLink);
  return `${sandboxUrl.replace(/\/+$/, "")}/m.me${link.pathname}${link.search}`;
}
