import { describe, expect, it } from "vitest";
import { en, format, zh } from "./catalog";

describe("i18n catalogue", () => {
  it("has the same keys and placeholders in Chinese and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
      expect(en[key].trim(), key).not.toBe("");
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("已填写 {done}/{total} 项", { done: 3, total: 17 })).toBe("已填写 3/17 项");
    expect(format("{a} {b}", { a: 1 })).toBe("1 {b}");
  });
});
