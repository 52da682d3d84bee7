// The checklist's codes in the interface language (the CLI words them with zhicheng_vault::text).
import type { Checklist, ChecklistItem, Subject } from "../evidenceBindings";
import type { MessageKey } from "../i18n/catalog";
import type { T } from "../i18n/I18n";

export function subjectLabel(s: Subject, t: T): string {
  if (s.kind === "item") return t(`ev.item.${s.id}` as MessageKey);
  return t("ev.achievementLabel", { number: s.number, title: s.title || t("ev.untitled") });
}

/** Why the item applies (or the achievement's kind), with the portal's own check where there is one. */
export function whyText(i: ChecklistItem, t: T): string {
  const why = i.why.code === "achievement" ? t(`el.kind.${i.why.kind}` as MessageKey) : t(`ev.applies.${i.why.code}`);
  return i.auto_verified ? t("ev.autoVerified", { why }) : why;
}

/** The names of the blocking targets, as the checklist names them. */
export function targetNames(c: Checklist, targets: string[], t: T): string {
  const byTarget = new Map([...c.items, ...c.achievements].map((i) => [i.target, i]));
  return targets
    .map((x) => {
      const i = byTarget.get(x);
      return i ? subjectLabel(i.subject, t) : x;
    })
    .join(t("list.sep"));
}
