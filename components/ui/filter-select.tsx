"use client";

import { Select } from "./input";

export interface FilterOption {
  value: string;
  label: string;
}

/** A labelled select above a list that narrows it; the empty value ("All") shows everything. */
export function FilterSelect<V extends string>({
  label,
  allLabel,
  value,
  onChange,
  options,
}: {
  label: string;
  allLabel: string;
  value: V | "";
  onChange: (value: V | "") => void;
  options: readonly { value: V; label: string }[];
}) {
  return (
    <label className="space-y-1 text-sm font-medium text-zinc-800">
      <span className="block">{label}</span>
      <Select value={value} onChange={(e) => onChange(e.target.value as V | "")} className="w-52">
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </label>
  );
}

/** The channel filter of the campaign and conversation lists. */
export function ChannelFilter({
  label,
  allLabel,
  channels,
  value,
  onChange,
}: {
  label: string;
  allLabel: string;
  channels: readonly { id: string; name: string }[];
  value: string;
  onChange: (channelId: string) => void;
}) {
  return <FilterSelect label={label} allLabel={allLabel} value={value} onChange={onChange} options={channels.map((c) => ({ value: c.id, label: c.name }))} />;
}
