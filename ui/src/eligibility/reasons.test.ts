import { describe, expect, it } from "vitest";
import type { Check, Reason } from "../bindings";
import checks from "../generated/prereview-samples.json";
import samples from "../generated/reason-samples.json";
import { makeT } from "../i18n/I18n";
import { renderCheck, renderReason } from "./reasons";

// Chinese characters and full-width punctuation.
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

describe("the reasons catalogue", () => {
  const all = samples as Reason[];

  it("renders every code the Rust side has, in both languages", () => {
    expect(all.length).toBeGreaterThan(30);
    for (const r of all) {
      const zh = renderReason(r, makeT("zh"), "zh");
      const en = renderReason(r, makeT("en"), "en");
      expect(zh, r.code).toMatch(CJK);
      expect(zh, r.code).not.toMatch(/\{\w+\}/);
      expect(en, r.code).not.toMatch(/\{\w+\}/);
      // English keeps Chinese only in the notice's words it quotes.
      let bare = en;
      if ("need" in r) bare = bare.split(r.need).join("");
      if ("clause" in r) bare = bare.split(r.clause).join("");
      expect(bare, `${r.code}: ${en}`).not.toMatch(CJK);
    }
  });

  it("writes what the Rust catalogue writes in Chinese", () => {
    const zh = makeT("zh");
    const find = (code: string) => all.find((r) => r.code === code)!;
    expect(renderReason(find("investment_below"), zh, "zh")).toBe("固定资产投资1499.99万元，需1500万元以上");
    expect(renderReason(find("more_needed"), zh, "zh")).toBe("再需1项排名第1的授权发明专利（2018年11月及以后）——二（二）2（4）");
    expect(renderReason(find("years_short"), zh, "zh")).toBe(
      "从事本领域工作年限还差1个月（具有大学本科以上学历或学士以上学位，需满10年，按对年对月计算至2023年12月）",
    );
  });

  it("agrees in number in English and keeps the gloss", () => {
    const en = makeT("en");
    const text = all.map((r) => renderReason(r, en, "en"));
    expect(text).toContain(
      "1 month short of the years in the field (a bachelor's education or degree or higher: 10 full years needed, counted month for month up to Dec 2023)",
    );
    expect(text.some((s) => s.startsWith("14 months short"))).toBe(true);
    expect(text).toContain("2 more: “排名第1的授权发明专利” (granted invention patent, ranked first) (from Nov 2018 on) — clause 二（二）2（4）");
    expect(text).toContain("ranked 2; first place needed");
  });

  it("renders every 预审 check in both languages, English keeping Chinese only in the user's own words", () => {
    const all = checks as Check[];
    expect(all.length).toBeGreaterThan(14);
    for (const c of all) {
      const zh = renderCheck(c, makeT("zh"));
      const en = renderCheck(c, makeT("en"));
      expect(zh, c.code).toMatch(CJK);
      expect(en, c.code).not.toMatch(/\{\w+\}/);
      let bare = en.split("渝人社发〔2022〕68号").join("");
      for (const k of ["title", "unit", "employer", "insurer"] as const) {
        const v = (c as Record<string, unknown>)[k];
        if (typeof v === "string") bare = bare.split(v).join("");
      }
      expect(bare, `${c.code}: ${en}`).not.toMatch(CJK);
    }
    const held = all.find((c) => c.code === "level_already_held")!;
    expect(renderCheck(held, makeT("zh"))).toContain("已具有中级职称");
    expect(renderCheck(held, makeT("en"))).toContain("You already hold an intermediate title");
  });
});
