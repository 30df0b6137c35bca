"use client";

import { keepPreviousData, useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { useEffect, useId, useState, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import { cn } from "@/components/ui/cn";
import { caretWord, replaceWord } from "./caret-word";

export interface CaretSuggestionsOptions<T, K extends readonly unknown[]> {
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  value: string;
  setValue: (next: string) => void;
  /** The character that opens the menu at the start of a word. */
  marker: "/" | "@";
  /** The query factory for what is typed after the marker (debounced). */
  query: (q: string) => UseQueryOptions<T[], Error, T[], K>;
  optionKey: (option: T) => string;
  /** What replaces the "/word" or "@word" when the option is chosen. */
  insertOf: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  label: string;
  empty: (query: string) => string;
  hint?: string;
  testId: string;
}

export interface CaretSuggestions {
  open: boolean;
  /** The listbox, absolutely placed above its container: render it inside a `relative` wrapper of the textarea. */
  menu: ReactNode;
  /** Spread on the textarea: the combobox role and state, caret tracking and the keys. */
  textareaProps: {
    role: "combobox";
    "aria-autocomplete": "list";
    "aria-expanded": boolean;
    "aria-controls": string;
    "aria-activedescendant": string | undefined;
    onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
    onSelect: () => void;
  };
}

/**
 * A suggestion menu at the caret (the ARIA combobox pattern on a textarea): opens while the word at the caret
 * starts with `marker`, lists what the query finds, ↑/↓ move, Enter or Tab insert, Esc closes (until the word
 * changes). A handled key calls preventDefault, so a composer chaining its own onKeyDown (Enter to send) checks
 * `event.defaultPrevented` first.
 */
export function useCaretSuggestions<T, K extends readonly unknown[]>(options: CaretSuggestionsOptions<T, K>): CaretSuggestions {
  const { textareaRef, value, setValue, marker } = options;
  const listboxId = useId();
  const [caret, setCaret] = useState(0);
  // The highlighted option, for the query it was chosen in (a new query starts at the first again).
  const [active, setActiveFor] = useState({ query: "", index: 0 });
  const [dismissed, setDismissed] = useState<string | null>(null);
  // The caret moves with typing (value changes) and with clicks and arrows (select events).
  useEffect(() => {
    setCaret(textareaRef.current?.selectionStart ?? value.length);
  }, [value, textareaRef]);
  const word = caretWord(value, caret, marker);
  const wordKey = word ? `${word.start}:${word.query}` : null;
  const [debounced, setDebounced] = useState("");
  useEffect(() => {
    if (!word) return;
    const timer = setTimeout(() => setDebounced(word.query), 150);
    return () => clearTimeout(timer);
  }, [word?.query]); // eslint-disable-line react-hooks/exhaustive-deps
  const open = word !== null && dismissed !== wordKey;
  const result = useQuery({ ...options.query(debounced), enabled: open, placeholderData: keepPreviousData });
  const list = open ? (result.data ?? []) : [];
  const current = Math.min(active.query === debounced ? active.index : 0, Math.max(list.length - 1, 0));
  const setActive = (index: number) => setActiveFor({ query: debounced, index });

  const choose = (option: T) => {
    if (!word) return;
    const next = replaceWord(value, word, options.insertOf(option));
    setValue(next.text);
    setDismissed(null);
    requestAnimationFrame(() => {
      const textarea = textareaRef.current;
      if (!textarea) return;
      textarea.focus();
      textarea.setSelectionRange(next.caret, next.caret);
      setCaret(next.caret);
    });
  };
  const optionId = (index: number) => `${listboxId}-option-${index}`;

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === "Escape") {
      event.preventDefault();
      setDismissed(wordKey);
    } else if (list.length === 0) {
      return;
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + list.length) % list.length);
    } else if ((event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) || event.key === "Tab") {
      event.preventDefault();
      choose(list[current]!);
    }
  };

  const menu = open ? (
    <div className="absolute inset-x-0 bottom-full z-20 mb-1 overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-lg" data-testid={options.testId}>
      {list.length === 0 ? (
        <p className="px-3 py-2 text-sm text-zinc-500" role="status">
          {result.isFetching ? "…" : options.empty(word.query)}
        </p>
      ) : (
        <ul id={listboxId} role="listbox" aria-label={options.label} className="max-h-64 overflow-y-auto py-1">
          {list.map((option, index) => (
            <li
              key={options.optionKey(option)}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              className={cn("cursor-pointer px-3 py-1.5 text-sm", index === current ? "bg-accent-50 text-accent-900" : "text-zinc-800 hover:bg-zinc-50")}
              // Keep the focus (and the caret) in the textarea.
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(option)}
            >
              {options.renderOption(option)}
            </li>
          ))}
        </ul>
      )}
      {options.hint && <p className="border-t border-zinc-100 px-3 py-1 text-[11px] text-zinc-500">{options.hint}</p>}
    </div>
  ) : null;

  return {
    open,
    menu,
    textareaProps: {
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": open && list.length > 0,
      "aria-controls": listboxId,
      "aria-activedescendant": open && list.length > 0 ? optionId(current) : undefined,
      onKeyDown,
      onSelect: () => setCaret(textareaRef.current?.selectionStart ?? 0),
    },
  };
}
