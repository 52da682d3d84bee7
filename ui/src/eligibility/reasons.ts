// The UI's catalogue of the engine's reasons: each code with its parameters becomes a sentence in the
// interface language (the CLI renders the same codes with zhicheng_core::text). The notice's own words
// (an alternative's `need`, a clause) stay Chinese; in English they are quoted, glossed where the pack can.
import type { Assessment, Check, EducationRow, Finding, Level, Reason, YearMonth } from "../bindings";
import type { Lang, MessageKey } from "../i18n/catalog";
import type { T } from "../i18n/I18n";

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** An amount in 万元 as entered: up to six places, trailing zeros dropped, never rounded into a threshold. */
export function wan(x: number): string {
  return x.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
}

export function monthWords(m: YearMonth, t: T, lang: Lang): string {
  const [y, mo] = m.split("-").map(Number);
  return t("reason.month", { year: y, month: lang === "en" ? (MONTHS_EN[mo - 1] ?? String(mo)) : mo });
}

/** The notice's words: as they are in Chinese; quoted with the pack's gloss in English. */
export function notice(zh: string, gloss: string | null | undefined, lang: Lang): string {
  if (lang === "zh") return zh;
  return gloss ? `“${zh}” (${gloss})` : `“${zh}”`;
}

const level = (l: Level, t: T) => t(`reason.lv.${l}` as MessageKey);
const row = (r: EducationRow, t: T) => t(`reason.row.${r}` as MessageKey);

/** One reason in words. The switch is exhaustive: a code the Rust side adds fails the type check here. */
export function renderReason(r: Reason, t: T, lang: Lang): string {
  const ym = (m: YearMonth) => monthWords(m, t, lang);
  const plural = (n: number, one: string, many: string) => (lang === "en" ? `${n} ${n === 1 ? one : many}` : n);
  switch (r.code) {
    case "rank_missing":
      return t("reason.rank_missing", { limit: r.limit });
    case "rank_above_limit":
      return r.limit === 1 ? t("reason.rank_not_first", { rank: r.rank }) : t("reason.rank_above_limit", { rank: r.rank, limit: r.limit });
    case "level_missing":
    case "group_standard_not_counted":
    case "promotion_missing":
      return t(`reason.${r.code}`, { min: level(r.min, t) });
    case "level_below":
    case "promotion_below":
      return t(`reason.${r.code}`, { level: level(r.level, t), min: level(r.min, t) });
    case "investment_missing":
    case "own_words_missing":
      return t(`reason.${r.code}`, { min: wan(r.min_wan) });
    case "investment_below":
    case "own_words_below":
      return t(`reason.${r.code}`, { have: wan(r.have_wan), min: wan(r.min_wan) });
    case "month_after_apply":
      return t("reason.month_after_apply", { month: r.month, apply: r.apply, clause: r.clause });
    case "month_outside_window":
      return t("reason.month_outside_window", { month: r.month, start: ym(r.start), end: ym(r.end) });
    case "revenue_short":
      return t("reason.revenue_short", { need: notice(r.need, r.need_en, lang), short: wan(r.short_wan), since: ym(r.since), clause: r.clause });
    case "more_needed":
      return t("reason.more_needed", { missing: r.missing, need: notice(r.need, r.need_en, lang), since: ym(r.since), clause: r.clause });
    case "field_start_late":
      return t("reason.field_start_late", { start: r.start, apply: r.apply, clause: r.clause });
    case "education_mismatch":
      return t("reason.education_mismatch", { rows: r.rows.map((x) => row(x, t)).join(t("reason.education_mismatch.sep")) });
    case "years_short":
      return t("reason.years_short", {
        months: plural(r.months, "month", "months"),
        row: row(r.row, t),
        years: plural(r.years, "full year", "full years"),
        cutoff: ym(r.cutoff),
      });
    case "not_led":
    case "not_accepted":
    case "not_recognised":
    case "no_good_benefit":
    case "not_in_use":
    case "not_granted":
    case "not_green_related":
    case "not_implemented":
    case "not_published":
    case "not_chief_editor":
    case "not_core_journal":
    case "not_first_author":
    case "not_applied":
    case "month_missing":
    case "revenue_missing":
    case "education_missing":
    case "field_start_missing":
      return t(`reason.${r.code}`);
    default: {
      const unknown: never = r;
      return String((unknown as { code: string }).code);
    }
  }
}

export function renderReasons(rs: Reason[], t: T, lang: Lang): string {
  return rs.map((r) => renderReason(r, t, lang)).join(t("reason.sep"));
}

/** The pack's own text in the interface language: its English gloss in English where it has one. */
export function glossed(zh: string, en: string | null | undefined, lang: Lang): string {
  return lang === "en" && en ? en : zh;
}

/** Why a route cannot be assessed: the pack's note, or (a pack silent on the route) that it has none. */
export function routeMissingNote(a: Assessment, t: T, lang: Lang): string | null {
  const m = a.route_missing;
  if (!m) return null;
  if (m.note) return glossed(m.note, m.note_en, lang);
  return t("el.routeNotInPack", { pack: a.pack_id, route: t(`el.route.${m.route}` as MessageKey) });
}

/** A 预审 finding's message. Exhaustive over the codes, like renderReason. */
export function renderCheck(c: Check, t: T): string {
  switch (c.code) {
    case "field_start_before_graduation":
      return t("check.field_start_before_graduation", { start: c.start, graduation: c.graduation });
    case "title_before_graduation":
      return t("check.title_before_graduation", { held: c.held, graduation: c.graduation });
    case "graduation_before_16":
      return t("check.graduation_before_16", { graduation: c.graduation, birth: c.birth });
    case "achievement_before_field_start":
      return t("check.achievement_before_field_start", { title: c.title, month: c.month, start: c.start });
    case "led_but_not_first":
      return t("check.led_but_not_first", { title: c.title, rank: c.rank });
    case "amount_looks_like_yuan":
    case "amount_looks_like_wan_misplaced":
      return t(`check.${c.code}`, { title: c.title, amount: wan(c.amount_wan) });
    case "level_already_held": {
      const held = c.held === "professor" || c.held === "senior" ? c.held : "intermediate";
      return t("check.level_already_held", { held: t(`check.held.${held}`) });
    }
    case "employer_differs_on_sheet":
      return t("check.employer_differs_on_sheet", { unit: c.unit, employer: c.employer });
    case "insurance_employer_differs":
      return t("check.insurance_employer_differs", { insurer: c.insurer, employer: c.employer });
    case "evidence_linked_to_nothing":
      return t("check.evidence_linked_to_nothing", { title: c.title, id: c.id });
    case "rank_one_counted_as_led":
    case "paper_in_supplement":
    case "core_journal_without_cn":
    case "achievement_without_evidence":
      return t(`check.${c.code}`, { title: c.title });
    default: {
      const unknown: never = c;
      return String((unknown as { code: string }).code);
    }
  }
}

/** Why a finding matters: its clause, and/or reviewers' common returns. */
export function renderBasis(f: Finding, t: T): string {
  if (f.clause) return t(f.common_return ? "check.basis.both" : "check.basis.clause", { clause: f.clause });
  return t("check.basis.common");
}
