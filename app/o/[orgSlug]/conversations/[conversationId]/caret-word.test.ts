import { describe, expect, it } from "vitest";
import { caretWord, replaceWord } from "./caret-word";

describe("caretWord", () => {
  it("finds a / word at the start of the text or after a space", () => {
    expect(caretWord("/tha", 4, "/")).toEqual({ start: 0, end: 4, query: "tha" });
    expect(caretWord("Hello /hou", 10, "/")).toEqual({ start: 6, end: 10, query: "hou" });
    expect(caretWord("/", 1, "/")).toEqual({ start: 0, end: 1, query: "" });
    // The caret inside the word: the whole word is replaced, the query is what precedes the caret.
    expect(caretWord("/thanks more", 3, "/")).toEqual({ start: 0, end: 7, query: "th" });
  });

  it("ignores a / inside a word or a link, and words without the marker", () => {
    expect(caretWord("and/or", 6, "/")).toBeNull();
    expect(caretWord("https://x.com/a", 15, "/")).toBeNull();
    expect(caretWord("hello", 5, "/")).toBeNull();
    expect(caretWord("/a b", 4, "/")).toBeNull();
  });

  it("finds an @ word, but not a finished mention token", () => {
    expect(caretWord("ask @ali", 8, "@")).toEqual({ start: 4, end: 8, query: "ali" });
    expect(caretWord("@[Alice](0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b)", 10, "@")).toBeNull();
    expect(caretWord("mail a@b.com", 12, "@")).toBeNull();
  });
});

describe("replaceWord", () => {
  it("replaces the word and puts the caret after the insertion", () => {
    expect(replaceWord("Hi /tha there", { start: 3, end: 7 }, "Thanks Mei!")).toEqual({ text: "Hi Thanks Mei! there", caret: 14 });
  });
});
