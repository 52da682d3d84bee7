// The form's validation rules, with messages from the i18n catalogue. They mirror
// Profile::validate in crates/zhicheng-core/src/profile.rs, which checks imports and the CLI.
import type { FormInstance, FormRule } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { MessageKey } from "../i18n/catalog";
import type { T } from "../i18n/I18n";
import { checkIdNumber, isMobileNumber } from "./idcard";
import { type FormValues, isSealed } from "./formModel";

const label = (t: T, field: string) => t(`profile.${field}` as MessageKey);

export function requiredText(t: T, field: string, max: number): FormRule[] {
  return [
    { required: true, whitespace: true, message: t("rule.required", { label: label(t, field) }) },
    { max, message: t("rule.tooLong", { label: label(t, field), max }) },
  ];
}

export function requiredChoice(t: T, field: string): FormRule[] {
  return [{ required: true, message: t("rule.requiredSelect", { label: label(t, field) }) }];
}

/** A month that is filled, not after this month, and (unless it is the birth month) not before birth. */
export function monthRules(t: T, field: string, form: FormInstance<FormValues> | null, now: () => Dayjs): FormRule[] {
  return [
    { required: true, message: t("rule.requiredSelect", { label: label(t, field) }) },
    {
      validator: async (_r, value: Dayjs | null) => {
        if (!value) return;
        if (value.isAfter(now(), "month")) throw new Error(t("rule.futureMonth", { label: label(t, field) }));
        const birth = form?.getFieldValue("birth_month") as Dayjs | null | undefined;
        if (field !== "birth_month" && birth && value.isBefore(birth, "month")) {
          throw new Error(t("rule.beforeBirth", { label: label(t, field) }));
        }
      },
    },
  ];
}

export function idNumberRules(t: T, form: FormInstance<FormValues> | null): FormRule[] {
  return [
    { required: true, whitespace: true, message: t("rule.required", { label: label(t, "id_number") }) },
    {
      validator: async (_r, raw: string | undefined) => {
        const value = (raw ?? "").trim();
        if (!value || isSealed(value)) return;
        const r = checkIdNumber(value);
        if (!r.ok) {
          switch (r.code) {
            case "id_length":
              throw new Error(t("rule.id.length", { n: r.n }));
            case "id_characters":
              throw new Error(t("rule.id.characters"));
            case "id_birth_date":
              throw new Error(t("rule.id.birthDate"));
            case "id_checksum":
              // Not "should be X": the typo may be in any of the 17 digits, not the last character.
              throw new Error(t("rule.id.checksum"));
          }
        }
        const birth = form?.getFieldValue("birth_month") as Dayjs | null | undefined;
        if (birth && dayjs(`${r.birthMonth}-01`).format("YYYY-MM") !== birth.format("YYYY-MM")) {
          throw new Error(t("rule.id.birthMismatch", { id: r.birthMonth }));
        }
        const gender = form?.getFieldValue("gender") as string | null | undefined;
        if (gender && (gender === "male") !== r.male) throw new Error(t("rule.id.genderMismatch"));
      },
    },
  ];
}

export function phoneRules(t: T): FormRule[] {
  return [
    { required: true, whitespace: true, message: t("rule.required", { label: label(t, "phone") }) },
    {
      validator: async (_r, raw: string | undefined) => {
        const value = (raw ?? "").trim();
        if (!value || isSealed(value)) return;
        // Too long is said as such (never cut to 11 digits: the cut could leave a wrong number).
        if (/^\d+$/.test(value) && value.length > 11) throw new Error(t("rule.phoneTooLong", { n: value.length }));
        if (!isMobileNumber(value)) throw new Error(t("rule.phone"));
      },
    },
  ];
}
