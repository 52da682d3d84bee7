// The deadlines' codes in the interface language: window names, review steps, reminders.
import type { PeriodWarning, Reminder, WindowStatus } from "../bindings";
import type { Lang, MessageKey } from "../i18n/catalog";
import type { T } from "../i18n/I18n";
import { formatBeijing } from "./time";

const KNOWN = new Set(["submission", "payment", "publicity_start"]);

/** A window's name: the round's own label in Chinese; the English of the windows every round has. */
export function windowLabel(w: { id: string; label: string }, t: T, lang: Lang): string {
  return lang === "en" && KNOWN.has(w.id) ? t(`dl.window.${w.id}` as MessageKey) : w.label;
}

/** Minutes left in words: days and hours, or hours and minutes under a day. */
export function spanWords(minutes: number, t: T): string {
  const m = Math.max(0, Math.floor(minutes));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  if (d > 0) return t("dl.span.days", { d, h });
  if (h > 0) return t("dl.span.hours", { h, m: m % 60 });
  return t("dl.span.minutes", { m });
}

export function reminderText(r: Reminder, windows: WindowStatus[], t: T, lang: Lang): string {
  const w = windows.find((x) => x.id === r.window_id) ?? { id: r.window_id, label: r.window_id };
  const key = r.boundary === "open" ? "dl.reminder.open" : "dl.reminder.close";
  return t(key, { window: windowLabel(w, t, lang), at: formatBeijing(Date.parse(r.at), lang), left: spanWords(r.left_minutes, t) });
}

/** What is wrong with a publicity period. */
export function periodWarning(w: PeriodWarning, t: T): string {
  switch (w.code) {
    case "end_too_early":
      return t("sheet.period.end_too_early", { entered: w.entered, end: w.end, workdays: w.workdays });
    case "end_before_start":
      return t("sheet.period.end_before_start");
    case "holidays_unknown":
      return t("sheet.period.holidays_unknown", { from: w.from, workdays: w.workdays });
  }
}
