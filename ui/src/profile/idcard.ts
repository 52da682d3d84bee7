// GB 11643 citizen ID number check, for instant feedback in the form. The Rust core checks the same
// way (crates/zhicheng-core/src/idcard.rs); both run the shared table in
// crates/zhicheng-core/tests/data/id-numbers.json.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export type IdCheck =
  | { ok: true; birth: string; birthMonth: string; male: boolean }
  | { ok: false; code: "id_length"; n: number }
  | { ok: false; code: "id_characters" | "id_birth_date" }
  | { ok: false; code: "id_checksum"; expected: string };

export function checkIdNumber(id: string): IdCheck {
  const chars = Array.from(id);
  if (chars.length !== 18) return { ok: false, code: "id_length", n: chars.length };
  if (!/^\d{17}[\dXx]$/.test(id)) return { ok: false, code: "id_characters" };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, code: "id_birth_date" };
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i];
  const expected = CHECK[sum % 11];
  if (id[17].toUpperCase() !== expected) return { ok: false, code: "id_checksum", expected };
  return {
    ok: true,
    birth: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    birthMonth: `${id.slice(6, 10)}-${id.slice(10, 12)}`,
    male: Number(id[16]) % 2 === 1,
  };
}

export function isMobileNumber(s: string): boolean {
  return /^1[3-9]\d{9}$/.test(s);
}

/**
 * A phone number as typed or pasted, reduced to its digits: spaces, hyphens and dots go, and a leading
 * +86 / 0086 (China's country code) is dropped, so "+86 138-1234-5678" becomes "13812345678". Nothing
 * is cut: an over-long number stays over-long, for the rule to flag.
 */
export function normalizePhone(raw: string | undefined): string {
  if (raw === undefined || raw.startsWith("sealed:")) return raw ?? "";
  let v = raw.replace(/[\s\-.()（）\u3000]/g, "");
  if (v.startsWith("+86")) v = v.slice(3);
  else if (v.startsWith("0086")) v = v.slice(4);
  else if (/^861[3-9]\d{9}$/.test(v)) v = v.slice(2);
  return v;
}
