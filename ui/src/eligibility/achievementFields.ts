// Which qualifier fields each achievement kind has: the same set as AchievementKind in
// crates/zhicheng-core/src/eligibility/achievement.rs (the generated types make a mismatch a type error).
import type { Achievement, AchievementKind, KindTag } from "../bindings";

export type FieldType = "level" | "bool" | "rank" | "amount" | "authorship" | "role" | "text";

export const FIELD_TYPES: Record<string, FieldType> = {
  level: "level",
  led: "bool",
  rank: "rank",
  accepted: "bool",
  investment_wan: "amount",
  green_design_product: "bool",
  major_new_product: "bool",
  good_benefit: "bool",
  in_use: "bool",
  revenue_wan: "amount",
  granted: "bool",
  green_related: "bool",
  implemented: "bool",
  published: "bool",
  chief_editor: "bool",
  role: "role",
  supplement: "bool",
  cn_number: "text",
  own_words_wan: "amount",
  core_journal: "bool",
  authorship: "authorship",
  promoted_by: "level",
  applied: "bool",
};

/** A blank achievement of each kind (every field present, so the type checker sees them all). */
export const BLANK: { [K in KindTag]: Extract<AchievementKind, { kind: K }> } = {
  engineering_project: { kind: "engineering_project", level: null, led: false, rank: null, accepted: false, investment_wan: null },
  new_tech_project: {
    kind: "new_tech_project",
    level: null,
    led: false,
    rank: null,
    green_design_product: false,
    major_new_product: false,
    good_benefit: false,
    in_use: false,
  },
  product_revenue: { kind: "product_revenue", led: false, rank: null, revenue_wan: null },
  invention_patent: { kind: "invention_patent", granted: false, rank: null, green_related: false },
  standard: { kind: "standard", level: null, led: false, rank: null, implemented: false },
  book: { kind: "book", published: false, chief_editor: false, role: null, own_words_wan: null },
  paper: { kind: "paper", core_journal: false, authorship: null, supplement: false, cn_number: "" },
  training_material: { kind: "training_material", led: false, own_words_wan: null, promoted_by: null },
  research_report: { kind: "research_report", level: null, led: false, rank: null, applied: false },
  white_paper: { kind: "white_paper", led: false, rank: null },
  equipment_service: { kind: "equipment_service", led: false, rank: null },
};

export const KINDS = Object.keys(BLANK) as KindTag[];

export function fieldsOf(kind: KindTag): string[] {
  return Object.keys(BLANK[kind]).filter((k) => k !== "kind");
}

export function newId(existing: Achievement[]): string {
  let n = existing.length + 1;
  while (existing.some((a) => a.id === `a${n}`)) n++;
  return `a${n}`;
}
