import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./content-disposition";

/** What a browser saves the file as: the UTF-8 name when given, else the ASCII one. */
function savedName(header: string): string {
  const star = /filename\*=UTF-8''([^;]+)/.exec(header);
  return star ? decodeURIComponent(star[1]) : /filename="([^"]*)"/.exec(header)![1];
}

describe("download file names", () => {
  it("names the file after the campaign", () => {
    const header = attachmentDisposition("Spring restock", "-recipients.csv");
    expect(header).toBe(`attachment; filename="Spring restock-recipients.csv"; filename*=UTF-8''Spring%20restock-recipients.csv`);
    expect(savedName(header)).toBe("Spring restock-recipients.csv");
  });

  it("keeps a Chinese name in the UTF-8 form and gives plain ASCII to older clients", () => {
    const header = attachmentDisposition("双十一 促销", ".png");
    expect(savedName(header)).toBe("双十一 促销.png");
    expect(/filename="([^"]*)"/.exec(header)![1]).toBe("campaign.png");
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });

  it("cannot be turned into a path or break the header", () => {
    const header = attachmentDisposition('../../etc/"passwd"\r\nX-Evil: 1', ".svg");
    expect(header).not.toMatch(/[\r\n]/);
    expect(savedName(header)).not.toMatch(/[/\\"]/);
    expect(savedName(header).startsWith(".")).toBe(false);
    expect(/filename="([^"]*)"/.exec(header)![1]).not.toContain('"');
  });

  it("falls back to 'campaign' when nothing of the name is usable", () => {
    expect(savedName(attachmentDisposition("///", ".csv"))).toBe("campaign.csv");
  });
});
