import { describe, expect, it } from "vitest";
import table from "../../../crates/zhicheng-core/tests/data/id-numbers.json";
import { checkIdNumber, isMobileNumber } from "./idcard";

describe("ID number check agrees with the Rust core", () => {
  for (const c of table) {
    it(`${c.id || "(empty)"} → ${c.valid ? "valid" : c.error}`, () => {
      const r = checkIdNumber(c.id);
      expect(r.ok).toBe(c.valid);
      if (r.ok) {
        if (c.birth) expect(r.birth).toBe(c.birth);
        if (c.male !== null) expect(r.male).toBe(c.male);
      } else {
        expect(r.code).toBe(c.error);
      }
    });
  }
});

describe("mobile numbers", () => {
  it("accepts 11 digits starting 13–19 and nothing else", () => {
    expect(isMobileNumber("13812345678")).toBe(true);
    expect(isMobileNumber("19912345678")).toBe(true);
    expect(isMobileNumber("12812345678")).toBe(false);
    expect(isMobileNumber("1381234567")).toBe(false);
    expect(isMobileNumber("138123456789")).toBe(false);
  });
});
