// Beijing-time display and countdown arithmetic, independent of the computer's own time zone: instants
// are absolute milliseconds, and Beijing wall time is UTC + 8 h (no daylight saving since 1991).
import type { Lang } from "../i18n/catalog";

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
const WEEKDAYS_ZH = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
const WEEKDAYS_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad = (n: number) => String(n).padStart(2, "0");

/** The Beijing wall-clock fields of an instant. */
export function beijingParts(ms: number) {
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    wd: d.getUTCDay(),
    hh: d.getUTCHours(),
    mm: d.getUTCMinutes(),
    ss: d.getUTCSeconds(),
  };
}

/** "2023年12月1日 星期五 12:00" / "Friday 1 Dec 2023, 12:00". */
export function formatBeijing(ms: number, lang: Lang, seconds = false): string {
  const p = beijingParts(ms);
  const time = `${pad(p.hh)}:${pad(p.mm)}${seconds ? `:${pad(p.ss)}` : ""}`;
  return lang === "zh"
    ? `${p.y}年${p.m}月${p.d}日 ${WEEKDAYS_ZH[p.wd]} ${time}`
    : `${WEEKDAYS_EN[p.wd]} ${p.d} ${MONTHS_EN[p.m - 1]} ${p.y}, ${time}`;
}

/** "YYYY-MM-DD" of the Beijing day containing the instant. */
export function beijingDate(ms: number): string {
  const p = beijingParts(ms);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** Days and H:MM:SS of a non-negative span. */
export function splitSpan(ms: number): { days: number; hms: string } {
  const s = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(s / 86400);
  return { days, hms: `${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}` };
}

export type LiveState = "upcoming" | "open" | "closing_soon" | "closed";

const CLOSING_SOON_MS = 72 * 3600 * 1000;

/** The state of a window at `now` (same rule as the Rust core: open at the opening second, closed at the closing second). */
export function liveState(opensMs: number, closesMs: number, now: number): LiveState {
  if (now < opensMs) return "upcoming";
  if (now >= closesMs) return "closed";
  return closesMs - now <= CLOSING_SOON_MS ? "closing_soon" : "open";
}
