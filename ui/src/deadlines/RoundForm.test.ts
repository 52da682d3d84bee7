import { describe, expect, it } from "vitest";
import type { Round } from "../bindings";
import { beijingRfc3339, fromValues, toValues, wallTime } from "./RoundForm";

const base: Round = {
  format: "zhicheng/round",
  version: 1,
  id: "cq-lvse-2023",
  title: "2023",
  notice: "渝经信发〔2023〕89号",
  windows: [
    { id: "submission", label: "网上申报", opens_at: "2023-11-03T17:00:00+08:00", closes_at: "2023-12-01T12:00:00+08:00", clause: "三（一）", text: "x" },
    { id: "payment", label: "在线缴费", opens_at: "2023-12-05T12:00:00+08:00", closes_at: "2023-12-08T12:00:00+08:00", clause: "三（三）3（4）", text: "y" },
  ],
  unit_publicity_workdays: { value: 5, clause: "三（三）3（1）", text: "z" },
  result_publicity_workdays: { value: 5, clause: "三（四）3", text: "r" },
  review_request_months: { value: 2, clause: "三（四）5", text: "m" },
  work_time_cutoff: { value: "2023-12-31", clause: "五（三）", text: "c" },
};

describe("round form", () => {
  it("keeps Beijing wall time whatever the computer's zone", () => {
    expect(beijingRfc3339(wallTime("2023-12-01T12:00:00+08:00"))).toBe("2023-12-01T12:00:00+08:00");
  });

  it("round-trips a round through the form values", () => {
    expect(fromValues(base, toValues(base))).toEqual(base);
  });

  it("writes next year's dates with +08:00", () => {
    const v = toValues(base);
    v.id = "cq-lvse-2024";
    v.submission.closes = wallTime("2024-12-02T12:00:00+08:00");
    const r = fromValues(base, v);
    expect(r.id).toBe("cq-lvse-2024");
    expect(r.windows[0].closes_at).toBe("2024-12-02T12:00:00+08:00");
    expect(r.windows[1]).toEqual(base.windows[1]);
  });
});

