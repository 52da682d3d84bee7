import { describe, expect, it } from "vitest";
import { en, format, zh } from "./catalog";

describe("i18n catalogue", () => {
  it("has the same keys and placeholders in Chinese and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    // The names used ({n} and {n|one|other} both use n).
    const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
      expect(en[key].trim(), key).not.toBe("");
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("已填写 {done}/{total} 项", { done: 3, total: 17 })).toBe("已填写 3/17 项");
    expect(format("{a} {b}", { a: 1 })).toBe("1 {b}");
    expect(format("{n} {n|day|days}", { n: 1 })).toBe("1 day");
    expect(format("{n} {n|day|days}", { n: 2 })).toBe("2 days");
    expect(format("{n} {n|day|days}", { n: 0 })).toBe("0 days");
  });

  it("has no English plural left as “(s)” or a bare “1 days”", () => {
    for (const [key, v] of Object.entries(en)) {
      expect(v, key).not.toMatch(/\(s\)/);
      for (const n of [1, 2]) {
        const text = format(v, Object.fromEntries([...v.matchAll(/\{(\w+)/g)].map((m) => [m[1], n])));
        expect(text, key).not.toMatch(/\b1 (days|months|years|hours|minutes|pages|items|files|areas)\b/);
      }
    }
  });

  it("keeps Chinese in English strings only where it quotes: clauses, glosses in brackets, documents, file names", () => {
    const quoted = [
      /[一二三四五六七八九十]+（[一二三四五六七八九十]+）(\d+)?(（\d+）)?(–\d+)?/g, // a clause: 五（三）, 三（二）1–5
      /一（注）/g,
      /\([^()]*[\u4e00-\u9fff][^()]*\)/g, // a gloss in brackets: (本科)
      /“[^”]*”/g, // a quotation
      /渝人社发〔2022〕68号/g,
      /00_材料清单\.csv/g,
    ];
    for (const [key, v] of Object.entries(en)) {
      const bare = quoted.reduce((x, re) => x.replace(re, ""), v);
      expect(bare, key).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
    }
  });
});
