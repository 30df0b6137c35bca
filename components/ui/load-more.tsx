"use client";

import { useState, useTransition, type ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import type { Page } from "@/lib/pagination";
import type { ActionError, ActionResult } from "@/lib/tenancy/action";
import { Alert } from "./alert";
import { Button } from "./button";

/**
 * A cursor-paginated list that starts from the server-rendered first page and appends the next page a
 * server action loads (`loadPage(cursor)`), keeping its error to show.
 */
export function useCursorPages<T>(initial: Page<T>, loadPage: (cursor: string) => Promise<ActionResult<Page<T>>>) {
  const { serverMessage } = useI18n();
  const [items, setItems] = useState(initial.data);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [refusal, setError] = useState<ActionError | null>(null);
  const [loading, startLoading] = useTransition();
  const loadMore = () => {
    if (!cursor) return;
    startLoading(async () => {
      const result = await loadPage(cursor);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setItems((list) => [...list, ...result.data.data]);
      setCursor(result.data.nextCursor);
    });
  };
  return { items, cursor, error: refusal && serverMessage(refusal), loading, loadMore };
}

/** Under such a list: the last error, then "Load more" while there is a next page, else `end` (when not empty). */
export function LoadMoreFooter({ pages, end }: { pages: ReturnType<typeof useCursorPages<unknown>>; end: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      {pages.error && <Alert className="mt-4">{pages.error}</Alert>}
      <div className="mt-4 flex justify-center">
        {pages.cursor ? (
          <Button variant="secondary" onClick={pages.loadMore} loading={pages.loading}>
            {t("common.loadMore")}
          </Button>
        ) : pages.items.length > 0 ? (
          <p className="text-xs text-zinc-500">{end}</p>
        ) : null}
      </div>
    </>
  );
}
