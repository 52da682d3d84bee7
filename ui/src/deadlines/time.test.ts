import { describe, expect, it } from "vitest";
import { beijingDate, formatBeijing, liveState, splitSpan } from "./time";

const closes = Date.parse("2023-12-01T12:00:00+08:00");
const opens = Date.parse("2023-11-03T17:00:00+08:00");

describe("Beijing time, whatever the computer's zone", () => {
  it("writes the close out in full", () => {
    expect(formatBeijing(closes, "zh")).toBe("2023年12月1日 星期五 12:00");
    expect(formatBeijing(closes, "en")).toBe("Friday 1 Dec 2023, 12:00");
    // 2023-11-30T23:30Z is already 1 December in Beijing.
    expect(beijingDate(Date.parse("2023-11-30T23:30:00Z"))).toBe("2023-12-01");
  });

  it("changes state exactly at the boundaries", () => {
    expect(liveState(opens, closes, opens - 1000)).toBe("upcoming");
    expect(liveState(opens, closes, opens)).toBe("open");
    expect(liveState(opens, closes, closes - 72 * 3600 * 1000 - 1000)).toBe("open");
    expect(liveState(opens, closes, closes - 72 * 3600 * 1000)).toBe("closing_soon");
    expect(liveState(opens, closes, closes - 1000)).toBe("closing_soon");
    expect(liveState(opens, closes, closes)).toBe("closed");
  });

  it("splits a span into days and h:mm:ss", () => {
    expect(splitSpan(86400_000 + 3723_000)).toEqual({ days: 1, hms: "01:02:03" });
    expect(splitSpan(-5)).toEqual({ days: 0, hms: "00:00:00" });
  });
});
