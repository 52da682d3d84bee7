// Conversion between the stored Profile (months as "YYYY-MM") and the form's values (dayjs months).
import dayjs, { type Dayjs } from "dayjs";
import type { Profile } from "../bindings";

export const MONTH_FIELDS = ["birth_month", "graduation_month", "field_start_month", "current_title_month"] as const;
type MonthField = (typeof MONTH_FIELDS)[number];

export type FormValues = Omit<Profile, MonthField> & { [K in MonthField]: Dayjs | null };

export const emptyProfile: Profile = {
  name: "",
  gender: null,
  birth_month: null,
  id_number: "",
  phone: "",
  employer: "",
  insurance_employer: "",
  employer_kind: null,
  district: "",
  archive_location: null,
  education: null,
  degree: null,
  graduate_school: "",
  graduate_major: "",
  graduation_month: null,
  field_start_month: null,
  current_specialty: "",
  current_title_level: null,
  current_title_name: "",
  current_title_month: null,
};

export function toForm(p: Profile): FormValues {
  const v = { ...p } as unknown as FormValues;
  for (const f of MONTH_FIELDS) v[f] = p[f] ? dayjs(`${p[f]}-01`) : null;
  return v;
}

/** A value the app keeps sealed (ID number, phone) while the vault key is not available. */
export const SEALED_PREFIX = "sealed:";
export const isSealed = (v: unknown): boolean => typeof v === "string" && v.startsWith(SEALED_PREFIX);

export function fromForm(v: Partial<FormValues>): Profile {
  const p = { ...emptyProfile };
  for (const key of Object.keys(emptyProfile) as (keyof Profile)[]) {
    const value = v[key as keyof FormValues];
    if ((MONTH_FIELDS as readonly string[]).includes(key)) {
      const d = value as Dayjs | null | undefined;
      (p as Record<string, unknown>)[key] = d && d.isValid() ? d.format("YYYY-MM") : null;
    } else if (typeof value === "string") {
      (p as Record<string, unknown>)[key] = key === "id_number" && !isSealed(value) ? value.trim().toUpperCase() : value;
    } else if (value !== undefined) {
      (p as Record<string, unknown>)[key] = value;
    }
  }
  return p;
}

/** The fields that must be filled for this profile (title name and month only when a title is held). */
export function requiredFields(p: Profile): (keyof Profile)[] {
  const base: (keyof Profile)[] = (Object.keys(emptyProfile) as (keyof Profile)[]).filter(
    (k) => k !== "current_title_name" && k !== "current_title_month",
  );
  if (p.current_title_level && p.current_title_level !== "none") {
    base.push("current_title_name", "current_title_month");
  }
  return base;
}

export function filledCount(p: Profile): { done: number; total: number } {
  const req = requiredFields(p);
  const done = req.filter((k) => {
    const v = p[k];
    return typeof v === "string" ? v.trim() !== "" : v !== null;
  }).length;
  return { done, total: req.length };
}
