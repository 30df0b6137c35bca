"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ListWithDialogs } from "@/components/settings/list-with-dialogs";
import { RowActions, RowActionsHeader } from "@/components/settings/row-actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { KeyIcon } from "@/components/ui/icons";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { useConfirmRow } from "@/components/ui/use-confirm-row";
import { useI18n } from "@/lib/i18n/client";
import type { Connector, ConnectorTestResult } from "@/lib/services/bot-connectors/schemas";
import { createConnectorAction, deleteConnectorAction, rotateConnectorSecretAction, testConnectorAction, updateConnectorAction } from "./actions";

// The form (react-hook-form) loads after the page, when its always-mounted create dialog first renders: it is
// out of the first load, the largest of the settings lists' (the bundle budget).
const ConnectorDialog = dynamic(() => import("./connector-form").then((m) => m.ConnectorDialog), { ssr: false });

type Revealed = { name: string; secret: string };

/** Bot → Connectors: the organisation's own bots, with create, edit, rotate, delete and a test call per row. */
export function ConnectorsClient({ orgSlug, connectors }: { orgSlug: string; connectors: Connector[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [tests, setTests] = useState<Record<string, ConnectorTestResult | "running">>({});
  const [, startTransition] = useTransition();
  const rotate = useConfirmRow(async (c: Connector) => {
    const result = await rotateConnectorSecretAction(orgSlug, c.id);
    if (result.ok) setRevealed(result.data);
    return result;
  });
  const runTest = (c: Connector) => {
    setTests((s) => ({ ...s, [c.id]: "running" }));
    startTransition(async () => {
      const result = await testConnectorAction(orgSlug, c.id);
      if (result.ok) setTests((s) => ({ ...s, [c.id]: result.data }));
      router.refresh();
    });
  };
  const testLine = (c: Connector) => {
    const test = tests[c.id];
    if (!test) return null;
    if (test === "running") return <span className="text-xs text-zinc-500">{t("botConnectors.test.running")}</span>;
    if (test.ok)
      return (
        <span className="text-xs text-emerald-700" data-testid="connector-test-result">
          {t("botConnectors.test.ok", { count: test.messages.length, handover: test.handover ? t("botConnectors.test.handover") : "" })}
        </span>
      );
    return (
      <span className="text-xs text-red-700" data-testid="connector-test-result">
        {t("botConnectors.test.failed", { error: t(`botConnectors.error.${test.error ?? "unreachable"}`) })}
      </span>
    );
  };
  return (
    <ListWithDialogs
      rows={connectors}
      description={t("botConnectors.description")}
      createLabel={t("botConnectors.create")}
      createTitle={t("botConnectors.create.title")}
      editTitle={t("botConnectors.edit.title")}
      empty={{ icon: <KeyIcon className="size-5" />, title: t("botConnectors.empty.title"), body: t("botConnectors.empty.body") }}
      dialog={({ row, ...props }) => (
        <ConnectorDialog
          {...props}
          initial={row ? { name: row.name, url: row.url, timeoutMs: String(row.timeoutMs), fallback: row.fallback, enabled: row.enabled } : undefined}
          save={async (values) => {
            if (row) {
              const result = await updateConnectorAction(orgSlug, row.id, values);
              if (result.ok) router.refresh();
              return result;
            }
            const result = await createConnectorAction(orgSlug, values);
            if (result.ok) {
              setRevealed(result.data);
              router.refresh();
            }
            return result;
          }}
        />
      )}
      remove={(c) => deleteConnectorAction(orgSlug, c.id)}
      deleteTitle={(c) => t("botConnectors.delete.title", { name: c?.name ?? "" })}
      deleteBody={t("botConnectors.delete.body")}
      dialogs={
        <>
          <Dialog
            open={revealed !== null}
            onClose={() => setRevealed(null)}
            title={t("botConnectors.secret.title")}
            description={t("botConnectors.secret.body")}
            footer={<Button onClick={() => setRevealed(null)}>{t("botConnectors.secret.done")}</Button>}
          >
            {revealed && <CopyField id="connector-secret" value={revealed.secret} label={revealed.name} copyName={t("botConnectors.secret.title")} wrap />}
          </Dialog>
          <ConfirmDialog {...rotate.dialog} title={t("botConnectors.rotate.title", { name: rotate.row?.name ?? "" })} body={t("botConnectors.rotate.body")} confirmLabel={t("botConnectors.rotate")} />
        </>
      }
    >
      {({ edit, remove }) => (
        <Table label={t("botConnectors.title")}>
          <THead>
            <TH>{t("botConnectors.col.name")}</TH>
            <TH className="hidden md:table-cell">{t("botConnectors.col.url")}</TH>
            <TH>{t("botConnectors.col.status")}</TH>
            <TH className="hidden lg:table-cell">{t("botConnectors.col.lastError")}</TH>
            <RowActionsHeader className="w-64" />
          </THead>
          <TBody>
            {connectors.map((c) => (
              <TR key={c.id} data-testid="connector-row">
                <TD stack="title">
                  <span className="font-medium text-zinc-900">{c.name}</span>
                  <div>{testLine(c)}</div>
                </TD>
                <TD label={t("botConnectors.col.url")} className="hidden max-w-xs truncate font-mono text-xs text-zinc-600 md:table-cell">
                  {c.url}
                </TD>
                <TD label={t("botConnectors.col.status")}>
                  <Badge tone={c.enabled ? "success" : "neutral"}>{c.enabled ? t("botConnectors.enabled") : t("botConnectors.disabled")}</Badge>
                </TD>
                <TD label={t("botConnectors.col.lastError")} className="hidden text-xs text-zinc-600 lg:table-cell">
                  {c.lastError && c.lastErrorAt ? (
                    <span>
                      {c.lastError} (<Time iso={c.lastErrorAt} />)
                    </span>
                  ) : (
                    t("botConnectors.noError")
                  )}
                </TD>
                <TD stack="end">
                  <RowActions wrap deleteName={c.name} onDelete={() => remove(c)}>
                    <Button variant="secondary" size="sm" onClick={() => runTest(c)} disabled={tests[c.id] === "running"}>
                      {t("botConnectors.test")}
                    </Button>
                    <Button variant="secondary" size="sm" onClick={() => edit(c)}>
                      {t("botConnectors.edit")}
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => rotate.ask(c)}>
                      {t("botConnectors.rotate")}
                    </Button>
                  </RowActions>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </ListWithDialogs>
  );
}
