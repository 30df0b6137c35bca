/**
 * Shown while a page of the dashboard loads: a quiet skeleton in the page's shape. Used by list pages (in
 * their own Suspense or a leaf segment's loading.tsx), never above a page that can call notFound(): once the
 * fallback has streamed, the status is 200 and a missing campaign or channel could no longer answer 404.
 */
export function PageSkeleton() {
  return (
    <div aria-busy="true" className="animate-pulse">
      <div className="mb-6 h-7 w-40 rounded-md bg-zinc-200/70" />
      <div className="space-y-3 rounded-xl border border-zinc-200 bg-white p-5">
        <div className="h-4 w-2/3 rounded bg-zinc-100" />
        <div className="h-4 w-1/2 rounded bg-zinc-100" />
        <div className="h-4 w-3/5 rounded bg-zinc-100" />
      </div>
    </div>
  );
}
