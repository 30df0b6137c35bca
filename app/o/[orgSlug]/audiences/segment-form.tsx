"use client";

import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useWatch, type Control, type UseFormGetValues, type UseFormRegister, type UseFormSetValue } from "react-hook-form";
import { checkInputAction } from "@/app/check-input-action";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/settings/form-dialog";
import { Field } from "@/components/ui/field";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import { Input, Select } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { useI18n } from "@/lib/i18n/client";
import {
  ATTRIBUTE_OPS,
  LABEL_OPS,
  LAST_INBOUND_OPS,
  LOCALE_OPS,
  SEGMENT_CONDITION_KINDS,
  SEGMENT_MATCHES,
  SEGMENT_NAME_MAX,
  SEGMENT_VALUE_MAX,
  type SegmentConditionKind,
  type SegmentMatch,
} from "@/lib/services/segments/constants";
import type { ActionResult } from "@/lib/tenancy/action";
import { previewSegmentAction } from "./actions";

export interface SegmentOptions {
  labels: { id: string; name: string }[];
  channels: { id: string; name: string }[];
  campaigns: { id: string; name: string }[];
}

/** A condition as the form holds it: every field any kind may use (the kind picks which are sent). */
interface FormLeaf {
  kind: SegmentConditionKind;
  op: string;
  labelId: string;
  key: string;
  value: string;
  channelId: string;
  ref: string;
  campaignId: string;
  unusedOnly: boolean;
  days: number;
}
interface FormGroup {
  kind: "group";
  match: SegmentMatch;
  conditions: FormLeaf[];
}
type FormCondition = FormLeaf | FormGroup;
interface FormValues {
  name: string;
  definition: { match: SegmentMatch; conditions: FormCondition[] };
}

const FIRST_OP: Record<SegmentConditionKind, string> = {
  label: LABEL_OPS[0],
  attribute: ATTRIBUTE_OPS[0],
  channel: "",
  locale: LOCALE_OPS[0],
  entryRef: "",
  subscribedThrough: "",
  lastInbound: LAST_INBOUND_OPS[0],
  firstSeen: "",
};
const OPS: Partial<Record<SegmentConditionKind, readonly string[]>> = { label: LABEL_OPS, attribute: ATTRIBUTE_OPS, locale: LOCALE_OPS, lastInbound: LAST_INBOUND_OPS };

function newLeaf(kind: SegmentConditionKind, options: SegmentOptions): FormLeaf {
  return {
    kind,
    op: FIRST_OP[kind],
    labelId: options.labels[0]?.id ?? "",
    key: "",
    value: "",
    channelId: options.channels[0]?.id ?? "",
    ref: "",
    campaignId: options.campaigns[0]?.id ?? "",
    unusedOnly: false,
    days: 30,
  };
}

/** Only the fields of the condition's kind, as the definition language takes them. */
function toLeaf(leaf: FormLeaf): Record<string, unknown> {
  switch (leaf.kind) {
    case "label":
      return { kind: "label", op: leaf.op, labelId: leaf.labelId };
    case "attribute":
      return leaf.op === "exists" || leaf.op === "notExists" ? { kind: "attribute", op: leaf.op, key: leaf.key } : { kind: "attribute", op: leaf.op, key: leaf.key, value: leaf.value };
    case "channel":
      return { kind: "channel", channelId: leaf.channelId };
    case "locale":
      return { kind: "locale", op: leaf.op, value: leaf.value };
    case "entryRef":
      return { kind: "entryRef", ref: leaf.ref };
    case "subscribedThrough":
      return { kind: "subscribedThrough", campaignId: leaf.campaignId, unusedOnly: leaf.unusedOnly };
    case "lastInbound":
      return { kind: "lastInbound", op: leaf.op, days: Number(leaf.days) };
    case "firstSeen":
      return { kind: "firstSeen", days: Number(leaf.days) };
  }
}

function toDefinition(definition: FormValues["definition"]) {
  return {
    match: definition.match,
    conditions: definition.conditions.map((c) => (c.kind === "group" ? { kind: "group", match: c.match, conditions: c.conditions.map(toLeaf) } : toLeaf(c))),
  };
}

/** A saved definition as the form's values (fields of other kinds get their defaults). */
function fromDefinition(definition: { match: SegmentMatch; conditions: unknown[] }, options: SegmentOptions): FormValues["definition"] {
  const leaf = (c: Record<string, unknown>): FormLeaf => ({ ...newLeaf(c.kind as SegmentConditionKind, options), ...(c as Partial<FormLeaf>) });
  return {
    match: definition.match,
    conditions: (definition.conditions as Record<string, unknown>[]).map((c) =>
      c.kind === "group" ? { kind: "group", match: c.match as SegmentMatch, conditions: (c.conditions as Record<string, unknown>[]).map(leaf) } : leaf(c),
    ),
  };
}

/** Waits until the value has stopped changing for `ms`, so typing does not count on every key. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * A list of conditions in the form, without react-hook-form's useFieldArray: that one hook grew the
 * react-hook-form chunk every form page shares by 1.5 KB gzip, past the bundle budget. The list is read with
 * useWatch and written whole with setValue; `epoch` moves on every add or remove, and the items' keys with it,
 * so their inputs mount again and show the values now at their positions (registering an input fills it).
 */
function useConditionList<T>(control: Control<FormValues>, setValue: SetValue, getValues: UseFormGetValues<FormValues>, name: string) {
  const path = name as "definition.conditions";
  const items = (useWatch({ control, name: path }) ?? []) as unknown as T[];
  const [epoch, setEpoch] = useState(0);
  const write = (next: T[]) => {
    setValue(path, next as unknown as FormValues["definition"]["conditions"], { shouldDirty: true });
    setEpoch((e) => e + 1);
  };
  const current = () => (getValues(path) ?? []) as unknown as T[];
  return {
    items,
    keyOf: (index: number) => `${epoch}-${index}`,
    append: (item: T) => write([...current(), item]),
    remove: (index: number) => write(current().filter((_, i) => i !== index)),
  };
}

/** Create or edit a segment: a name and AND/OR conditions (one level of groups), with a live count as it changes. */
export function SegmentDialog({
  orgSlug,
  options,
  onClose,
  title,
  initial,
  save,
}: {
  orgSlug: string;
  options: SegmentOptions;
  onClose: () => void;
  title: string;
  initial?: { name: string; definition: { match: SegmentMatch; conditions: unknown[] } };
  save: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const { t } = useI18n();
  const defaultValues: FormValues = {
    name: initial?.name ?? "",
    definition: initial ? fromDefinition(initial.definition, options) : { match: "all", conditions: [newLeaf("attribute", options)] },
  };
  const { form, onSubmit, fieldError, formError, pending } = useActionForm<FormValues, { name: string; definition: unknown }>({
    check: (input) => checkInputAction("segment", input),
    defaultValues,
    toInput: (values) => ({ name: values.name, definition: toDefinition(values.definition) }),
    submit: save,
    onSuccess: onClose,
  });
  const conditions = useConditionList<FormValues["definition"]["conditions"][number]>(form.control, form.setValue, form.getValues, "definition.conditions");
  const watched = useWatch({ control: form.control, name: "definition" });
  const definition = useSettled(JSON.stringify(toDefinition(watched)), 400);
  const count = useQuery({
    queryKey: ["segment-preview", orgSlug, definition],
    queryFn: async () => {
      const result = await previewSegmentAction(orgSlug, JSON.parse(definition));
      return result.ok ? result.data.contactCount : null;
    },
    staleTime: 30_000,
  });
  return (
    <FormDialog onClose={onClose} title={title} onSubmit={onSubmit} formError={formError} submitLabel={t("segments.save")} pending={pending}>
      <Field id="segment-name" label={t("common.name")} error={fieldError("name")}>
        <Input {...form.register("name")} required autoFocus maxLength={SEGMENT_NAME_MAX} />
      </Field>
      <MatchSelect register={form.register} name="definition.match" />
      <ul className="space-y-2">
        {conditions.items.map((item, index) => (
          <li key={conditions.keyOf(index)} className="rounded-lg border border-zinc-200 p-2">
            {item.kind === "group" ? (
              <GroupEditor index={index} control={form.control} register={form.register} setValue={form.setValue} getValues={form.getValues} options={options} fieldError={fieldError} />
            ) : (
              <LeafEditor path={`definition.conditions.${index}`} control={form.control} register={form.register} setValue={form.setValue} options={options} fieldError={fieldError} />
            )}
            <Button type="button" variant="ghost" size="sm" onClick={() => conditions.remove(index)}>
              <TrashIcon className="size-4" />
              {t("segments.removeCondition")}
            </Button>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" size="sm" onClick={() => conditions.append(newLeaf("attribute", options))}>
          <PlusIcon className="size-4" />
          {t("segments.addCondition")}
        </Button>
        <Button type="button" variant="secondary" size="sm" onClick={() => conditions.append({ kind: "group", match: "any", conditions: [newLeaf("attribute", options)] })}>
          <PlusIcon className="size-4" />
          {t("segments.addGroup")}
        </Button>
      </div>
      {fieldError("definition.conditions", "definition") && <p className="text-sm text-red-600">{fieldError("definition.conditions", "definition")}</p>}
      <p className="text-sm font-medium text-zinc-700" aria-live="polite" data-testid="segment-live-count">
        {count.data == null ? t("segments.liveCount.pending") : t("segments.liveCount", { count: count.data })}
      </p>
    </FormDialog>
  );
}

type Register = UseFormRegister<FormValues>;
type SetValue = UseFormSetValue<FormValues>;
type FieldErrorOf = (...paths: string[]) => string | null;

function MatchSelect({ register, name }: { register: Register; name: "definition.match" | `definition.conditions.${number}.match` }) {
  const { t } = useI18n();
  return (
    <Select {...register(name)} aria-label={t("segments.field.match")}>
      {SEGMENT_MATCHES.map((m) => (
        <option key={m} value={m}>
          {t(`segments.match.${m}`)}
        </option>
      ))}
    </Select>
  );
}

function GroupEditor({
  index,
  control,
  register,
  setValue,
  getValues,
  options,
  fieldError,
}: {
  index: number;
  control: Control<FormValues>;
  register: Register;
  setValue: SetValue;
  getValues: UseFormGetValues<FormValues>;
  options: SegmentOptions;
  fieldError: FieldErrorOf;
}) {
  const { t } = useI18n();
  const leaves = useConditionList<FormLeaf>(control, setValue, getValues, `definition.conditions.${index}.conditions`);
  return (
    <div className="space-y-2">
      <MatchSelect register={register} name={`definition.conditions.${index}.match`} />
      <ul className="space-y-2 border-l-2 border-zinc-200 pl-3">
        {leaves.items.map((_, j) => (
          <li key={leaves.keyOf(j)} className="flex flex-wrap items-start gap-2">
            <LeafEditor path={`definition.conditions.${index}.conditions.${j}`} control={control} register={register} setValue={setValue} options={options} fieldError={fieldError} />
            <Button type="button" variant="ghost" size="sm" aria-label={t("segments.removeCondition")} onClick={() => leaves.remove(j)}>
              <TrashIcon className="size-4" />
            </Button>
          </li>
        ))}
      </ul>
      <Button type="button" variant="secondary" size="sm" onClick={() => leaves.append(newLeaf("attribute", options))}>
        <PlusIcon className="size-4" />
        {t("segments.addCondition")}
      </Button>
    </div>
  );
}

/** One condition: its kind, its operator, and the inputs that kind takes. */
function LeafEditor({ path, control, register, setValue, options, fieldError }: { path: string; control: Control<FormValues>; register: Register; setValue: SetValue; options: SegmentOptions; fieldError: FieldErrorOf }) {
  const { t } = useI18n();
  const p = (field: keyof FormLeaf) => `${path}.${field}` as "name";
  const kind = useWatch({ control, name: p("kind") }) as unknown as SegmentConditionKind;
  const op = useWatch({ control, name: p("op") }) as unknown as string;
  const kindField = register(p("kind"));
  const error = fieldError(p("labelId"), p("key"), p("value"), p("channelId"), p("ref"), p("campaignId"), p("days"), path);
  return (
    <div className="flex flex-1 flex-wrap items-center gap-2">
      <Select
        {...kindField}
        aria-label={t("segments.field.kind")}
        onChange={(event) => {
          void kindField.onChange(event);
          setValue(path as "name", newLeaf(event.target.value as SegmentConditionKind, options) as unknown as string);
        }}
      >
        {SEGMENT_CONDITION_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`segments.kind.${k}`)}
          </option>
        ))}
      </Select>
      {OPS[kind] && (
        <Select {...register(p("op"))} aria-label={t("segments.field.operator")}>
          {OPS[kind]!.map((o) => (
            <option key={o} value={o}>
              {t(`segments.op.${o}` as "segments.op.has")}
            </option>
          ))}
        </Select>
      )}
      {kind === "label" && <IdSelect register={register} name={p("labelId")} choices={options.labels} label={t("segments.kind.label")} />}
      {kind === "channel" && <IdSelect register={register} name={p("channelId")} choices={options.channels} label={t("segments.kind.channel")} />}
      {kind === "subscribedThrough" && (
        <>
          <IdSelect register={register} name={p("campaignId")} choices={options.campaigns} label={t("segments.kind.subscribedThrough")} />
          <label className="flex items-center gap-1 text-sm">
            <input type="checkbox" {...register(p("unusedOnly"))} />
            {t("segments.unusedOnly")}
          </label>
        </>
      )}
      {kind === "attribute" && <Input {...register(p("key"))} placeholder={t("segments.field.attributeKey")} aria-label={t("segments.field.attributeKey")} maxLength={SEGMENT_VALUE_MAX} className="w-36" />}
      {((kind === "attribute" && (op === "equals" || op === "contains")) || kind === "locale") && (
        <Input {...register(p("value"))} placeholder={t(kind === "locale" ? "segments.field.locale" : "segments.field.value")} aria-label={t("segments.field.value")} maxLength={SEGMENT_VALUE_MAX} className="w-36" />
      )}
      {kind === "entryRef" && <Input {...register(p("ref"))} placeholder={t("segments.field.ref")} aria-label={t("segments.field.ref")} maxLength={SEGMENT_VALUE_MAX} className="w-40" />}
      {(kind === "lastInbound" || kind === "firstSeen") && (
        <Input type="number" min={1} {...register(p("days"), { valueAsNumber: true })} aria-label={t("segments.field.days")} className="w-24" />
      )}
      {error && <p className="w-full text-sm text-red-600">{error}</p>}
    </div>
  );
}

function IdSelect({ register, name, choices, label }: { register: Register; name: "name"; choices: { id: string; name: string }[]; label: string }) {
  return (
    <Select {...register(name)} aria-label={label}>
      {choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </Select>
  );
}
