// Generated from the Rust types in crates/zhicheng-core by `UPDATE_BINDINGS=1 cargo test -p zhicheng-core bindings`.
// Do not edit by hand: a test fails when this file and the Rust types differ.

export type YearMonth = string;

export type Gender = "male" | "female";

export type EmployerKind = "municipal_public" | "district_public" | "non_public" | "freelancer" | "out_of_city_branch";

export type ArchiveLocation = "chongqing" | "outside_chongqing";

export type Education = "secondary" | "college" | "bachelor" | "master" | "doctorate";

export type Degree = "none" | "bachelor" | "master" | "doctor";

export type HeldTitle = "none" | "junior" | "intermediate" | "senior" | "professor";

export type Profile = { 
/**
 * 姓名
 */
name: string, 
/**
 * 性别
 */
gender: Gender | null, 
/**
 * 出生年月
 */
birth_month: YearMonth | null, 
/**
 * 身份证号 (never printed in logs; never on the publicity sheet)
 */
id_number: string, 
/**
 * 手机
 */
phone: string, 
/**
 * 工作单位（全称）
 */
employer: string, 
/**
 * 单位类别
 */
employer_kind: EmployerKind | null, 
/**
 * 区县 (one of [`DISTRICTS`])
 */
district: string, 
/**
 * 档案所在地
 */
archive_location: ArchiveLocation | null, 
/**
 * 学历
 */
education: Education | null, 
/**
 * 学位
 */
degree: Degree | null, 
/**
 * 毕业院校
 */
graduate_school: string, 
/**
 * 所学专业
 */
graduate_major: string, 
/**
 * 毕业时间
 */
graduation_month: YearMonth | null, 
/**
 * 从事本领域工作起始年月
 */
field_start_month: YearMonth | null, 
/**
 * 现从事专业
 */
current_specialty: string, 
/**
 * 现职称级别
 */
current_title_level: HeldTitle | null, 
/**
 * 现职称名称（如“工程师（电气）”）
 */
current_title_name: string, 
/**
 * 现职称取得时间
 */
current_title_month: YearMonth | null, };

export type ApplicantFile = { 
/**
 * Always `"zhicheng/applicant"`.
 */
format: string, 
/**
 * The schema version this file follows.
 */
version: number, profile: Profile, };

export type IssueKind = "missing" | "invalid";

export type FieldIssue = { 
/**
 * The field's key in [`Profile`] (`birth_month`).
 */
field: string, 
/**
 * The field's Chinese label (出生年月).
 */
label_zh: string, kind: IssueKind, code: string, message: string, };

export type BackupInfo = { 
/**
 * The file name inside `backups/`.
 */
name: string, 
/**
 * When it was saved, RFC 3339 UTC.
 */
saved_at: string, };

export type Loaded = { file: ApplicantFile, 
/**
 * False when there is no applicant file yet (a new workspace).
 */
exists: boolean, 
/**
 * The version the file was written in, when it was older and has been migrated in memory.
 */
migrated_from: number | null, };

export type WorkspaceInfo = { root: string, backups: Array<BackupInfo>, };

export type ErrorCode = "io" | "invalid_file" | "unsupported_version" | "corrupt_file" | "invalid_profile" | "no_backup" | "already_exists" | "workspace";

export type ErrorPayload = { code: ErrorCode, message: string, 
/**
 * For `corrupt_file`: the newest backup that parses, if any.
 */
backup: BackupInfo | null, 
/**
 * For `invalid_profile`: the fields at fault.
 */
issues: Array<FieldIssue>, };
