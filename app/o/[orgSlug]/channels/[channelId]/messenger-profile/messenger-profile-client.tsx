"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ChevronLeftIcon, PlusIcon, TrashIcon } from "@/components/ui/icons";
import { Input, Select } from "@/components/ui/input";
import { Time } from "@/components/ui/time";
import { useI18n } from "@/lib/i18n/client";
import { DEFAULT_GET_STARTED_PAYLOAD, GREETING_MAX, MENU_ITEMS_MAX, MENU_TITLE_MAX, PROFILE_LOCALES } from "@/lib/services/messenger-profile/constants";
import type { MessengerProfile } from "@/lib/services/messenger-profile/schemas";
import type { ActionError } from "@/lib/tenancy/action";
import { saveMessengerProfileAction } from "./actions";

type Menu = MessengerProfile["persistentMenu"][number];
type Item = Menu["items"][number];

/** The channel's Messenger profile: Get Started, a greeting per language, a persistent menu per language. */
/** `talkToHuman` is the bot's payload for "hand me to a person" (BOT_PAYLOAD.talkToHuman), passed by the page. */
export function MessengerProfileClient({ orgSlug, channelName, profile, talkToHuman }: { orgSlug: string; channelName: string; profile: MessengerProfile; talkToHuman: string }) {
  const { t, serverMessage } = useI18n();
  const [getStarted, setGetStarted] = useState<string | null>(profile.getStartedPayload);
  const [greetings, setGreetings] = useState(profile.greetings);
  const [menus, setMenus] = useState(profile.persistentMenu);
  const [saved, setSaved] = useState(profile);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldErrors = Object.entries(error?.fieldErrors ?? {});
  const freeLocale = (used: { locale: string }[]) => PROFILE_LOCALES.find((l) => !used.some((u) => u.locale === l)) ?? null;
  const setMenu = (i: number, change: (m: Menu) => Menu) => setMenus((all) => all.map((m, j) => (j === i ? change(m) : m)));
  const setItem = (i: number, k: number, item: Item) => setMenu(i, (m) => ({ ...m, items: m.items.map((x, j) => (j === k ? item : x)) }));
  const save = () =>
    startTransition(async () => {
      const result = await saveMessengerProfileAction(orgSlug, profile.channelId, { getStartedPayload: getStarted, greetings, persistentMenu: menus });
      if (result.ok) {
        setSaved(result.data);
        setError(null);
      } else setError(result.error);
    });
  const localeSelect = (value: string, used: { locale: string }[], onChange: (locale: string) => void) => (
    <Select value={value} onChange={(e) => onChange(e.target.value)} aria-label={t("messengerProfile.locale")} className="w-32">
      {PROFILE_LOCALES.filter((l) => l === value || !used.some((u) => u.locale === l)).map((l) => (
        <option key={l} value={l}>
          {l}
        </option>
      ))}
    </Select>
  );
  return (
    <div className="space-y-6" data-testid="messenger-profile">
      <div>
        <Link href={`/o/${orgSlug}/channels/${profile.channelId}`} className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800">
          <ChevronLeftIcon className="size-4" />
          {t("messengerProfile.back")}
        </Link>
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900">
          {t("messengerProfile.title")} · {channelName}
        </h1>
        <p className="mt-1 max-w-2xl text-sm text-zinc-500">{t("messengerProfile.description")}</p>
      </div>
      <div data-testid="messenger-profile-status">
        {!saved.saved && <Alert tone="info">{t("messengerProfile.notSaved")}</Alert>}
        {saved.saved && saved.lastError && <Alert>{t("messengerProfile.failed", { error: saved.lastError })}</Alert>}
        {saved.saved && !saved.lastError && saved.appliedAt && (
          <Alert tone="success">
            {t("messengerProfile.appliedAt")} <Time iso={saved.appliedAt} />
          </Alert>
        )}
      </div>
      {error && (
        <Alert>
          {fieldErrors.length ? (
            <ul className="list-inside list-disc">
              {fieldErrors.map(([field, messages]) => (
                <li key={field}>
                  {field}: {messages.map((m) => serverMessage(m)).join(" ")}
                </li>
              ))}
            </ul>
          ) : (
            serverMessage(error)
          )}
        </Alert>
      )}

      <Card title={t("messengerProfile.getStarted")}>
        <label className="flex items-center gap-2 text-sm text-zinc-700">
          <input type="checkbox" className="size-4 rounded border-zinc-300" checked={getStarted !== null} onChange={(e) => setGetStarted(e.target.checked ? DEFAULT_GET_STARTED_PAYLOAD : null)} />
          {t("messengerProfile.getStarted.enabled")}
        </label>
        {getStarted !== null && <Input className="mt-3 font-mono" value={getStarted} aria-label={t("field.payload")} onChange={(e) => setGetStarted(e.target.value)} />}
        <p className="mt-2 text-xs text-zinc-500">{t("messengerProfile.getStarted.help")}</p>
      </Card>

      <Card title={t("messengerProfile.greetings")}>
        <p className="mb-3 text-xs text-zinc-500">{t("messengerProfile.greetings.help")}</p>
        <div className="space-y-2">
          {greetings.map((g, i) => (
            <div key={i} className="flex items-center gap-2">
              {localeSelect(g.locale, greetings, (locale) => setGreetings((all) => all.map((x, j) => (j === i ? { ...x, locale } : x))))}
              <Input value={g.text} maxLength={GREETING_MAX} aria-label={t("field.greeting")} onChange={(e) => setGreetings((all) => all.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))} />
              <Button variant="ghost" size="sm" aria-label={t("messengerProfile.remove")} onClick={() => setGreetings((all) => all.filter((_, j) => j !== i))}>
                <TrashIcon className="size-4" />
              </Button>
            </div>
          ))}
        </div>
        {freeLocale(greetings) && (
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => setGreetings((all) => [...all, { locale: freeLocale(all)!, text: "" }])}>
            <PlusIcon className="size-4" />
            {t("messengerProfile.addLocale")}
          </Button>
        )}
      </Card>

      <Card title={t("messengerProfile.menu")}>
        <p className="mb-3 text-xs text-zinc-500">{t("messengerProfile.menu.help")}</p>
        <div className="space-y-5">
          {menus.map((menu, i) => (
            <div key={i} className="rounded-lg border border-zinc-200 p-3" data-testid="menu-locale">
              <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                {localeSelect(menu.locale, menus, (locale) => setMenu(i, (m) => ({ ...m, locale })))}
                <label className="flex items-center gap-2 text-xs text-zinc-600">
                  <input type="checkbox" className="size-4 rounded border-zinc-300" checked={menu.composerInputDisabled} onChange={(e) => setMenu(i, (m) => ({ ...m, composerInputDisabled: e.target.checked }))} />
                  {t("messengerProfile.composerDisabled")}
                </label>
                <Button variant="ghost" size="sm" onClick={() => setMenus((all) => all.filter((_, j) => j !== i))}>
                  {t("messengerProfile.remove")}
                </Button>
              </div>
              <div className="space-y-2">
                {menu.items.map((item, k) => (
                  <div key={k} className="flex flex-wrap items-center gap-2">
                    <Select
                      value={item.type}
                      className="w-40"
                      aria-label={t("messengerProfile.item.postback")}
                      onChange={(e) => setItem(i, k, e.target.value === "web_url" ? { type: "web_url", title: item.title, url: "https://" } : { type: "postback", title: item.title, payload: talkToHuman })}
                    >
                      <option value="postback">{t("messengerProfile.item.postback")}</option>
                      <option value="web_url">{t("messengerProfile.item.web_url")}</option>
                    </Select>
                    <Input className="w-48" value={item.title} maxLength={MENU_TITLE_MAX} aria-label={t("field.menuTitle")} onChange={(e) => setItem(i, k, { ...item, title: e.target.value })} />
                    {item.type === "postback" ? (
                      <Input className="min-w-40 flex-1 font-mono" value={item.payload} aria-label={t("field.payload")} onChange={(e) => setItem(i, k, { ...item, payload: e.target.value })} />
                    ) : (
                      <Input className="min-w-40 flex-1" type="url" value={item.url} aria-label={t("messengerProfile.item.url")} onChange={(e) => setItem(i, k, { ...item, url: e.target.value })} />
                    )}
                    <Button variant="ghost" size="sm" aria-label={t("messengerProfile.remove")} onClick={() => setMenu(i, (m) => ({ ...m, items: m.items.filter((_, j) => j !== k) }))}>
                      <TrashIcon className="size-4" />
                    </Button>
                  </div>
                ))}
              </div>
              {menu.items.length < MENU_ITEMS_MAX && (
                <div className="mt-2 flex flex-wrap gap-2">
                  <Button variant="secondary" size="sm" onClick={() => setMenu(i, (m) => ({ ...m, items: [...m.items, { type: "postback", title: "", payload: "" }] }))}>
                    <PlusIcon className="size-4" />
                    {t("messengerProfile.addItem")}
                  </Button>
                  {!menu.items.some((x) => x.type === "postback" && x.payload === talkToHuman) && (
                    <Button
                      variant="secondary"
                      size="sm"
                      onClick={() => setMenu(i, (m) => ({ ...m, items: [...m.items, { type: "postback", title: m.locale.startsWith("zh") ? "转人工" : "Talk to a human", payload: talkToHuman }] }))}
                    >
                      {t("messengerProfile.addTalkToHuman")}
                    </Button>
                  )}
                </div>
              )}
            </div>
          ))}
        </div>
        {freeLocale(menus) && (
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => setMenus((all) => [...all, { locale: freeLocale(all)!, composerInputDisabled: false, items: [] }])}>
            <PlusIcon className="size-4" />
            {t("messengerProfile.addLocale")}
          </Button>
        )}
      </Card>

      <div className="flex justify-end">
        <Button onClick={save} disabled={pending} data-testid="messenger-profile-save">
          {t("messengerProfile.save")}
        </Button>
      </div>
    </div>
  );
}
