/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  // Lets a second build (e.g. the e2e server) live beside a running `next dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Meta's webhook is served by a Pages Router API route (see pages/api/facebook/webhook/[pageId].ts).
  async rewrites() {
    return { beforeFiles: [{ source: "/facebook/webhook/:pageId", destination: "/api/facebook/webhook/:pageId" }] };
  },
};

export default nextConfig;
