/**
 * Browser protections that are the same on every path: pages, API routes, the webhook and static files.
 * Pages also get a per-request CSP (with a script nonce) and, over https, HSTS from proxy.ts.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers without CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];
// JSON routes load nothing: if one is ever opened in a browser, nothing in it may run or be framed.
const apiPolicy = [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  // Server actions keep Next's 1 MB body limit: every page's actions share it, signed in or not. A reply's file
  // (up to 25 MB) goes to POST /api/v1/conversations/{id}/attachments, which reads it only once the caller is known.
  // Lets a second build (e.g. the e2e server) live beside a running `next dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project (tsc --noEmit) just before it builds; the build's own pass over the
  // same files would cost another minute of CI. Every other build (demo, production) still checks.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_TYPES_CHECKED === "1" },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: apiPolicy },
      { source: "/facebook/webhook", headers: apiPolicy },
      { source: "/facebook/webhook/:path*", headers: apiPolicy },
    ];
  },
  // Meta's webhook is served by Pages Router API routes (see pages/api/facebook/webhook/[pageId].ts): the
  // per-Page callback URL, and the platform app's app-level one without a Page id (index.ts).
  async rewrites() {
    return {
      beforeFiles: [
        { source: "/facebook/webhook", destination: "/api/facebook/webhook" },
        { source: "/facebook/webhook/:pageId", destination: "/api/facebook/webhook/:pageId" },
      ],
    };
  },
};

export default nextConfig;
