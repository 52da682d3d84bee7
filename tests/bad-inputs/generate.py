#!/usr/bin/env python3
"""Writes tests/bad-inputs/cases.json: the bad inputs the CLI must refuse cleanly.

Each case: the input it builds (a change to a known-good file, or raw text, or something generated at
run time), the command line, and what must come out: the exit code, the error code in
`错误[code]`, and a text the message must contain (the field at fault). The runner
(crates/zhicheng-cli/tests/bad_inputs.rs) also fails on any panic, a run over 10 s, serde's English,
or a workspace that changed. Run this script again after adding cases; commit both files.
"""
import json, pathlib

here = pathlib.Path(__file__).parent
cases = []

def case(name, args, code, field, exit=1, **inp):
    cases.append({"name": name, "args": args, "exit": exit, "code": code, "field": field, **inp})

IMPORT = ["profile", "import", "{input}"]

# --- applicant files: profile fields -------------------------------------------------------------
wrong_types = {"number": 42, "list": ["a"], "object": {"a": 1}, "bool": True}
for field in ["name", "birth_month", "id_number", "phone", "employer", "district", "graduate_school",
              "graduation_month", "field_start_month", "current_title_name", "current_title_month"]:
    for tname, v in wrong_types.items():
        if field in ("name",) or tname in ("number", "list"):
            case(f"profile.{field} as {tname}", IMPORT, "invalid_file", f"profile.{field}",
                 base="applicant", set=[[f"/profile/{field}", v]])
for field, bad in [("gender", "男士"), ("employer_kind", "state_owned"), ("archive_location", "beijing"),
                   ("education", "phd"), ("degree", "doctorate"), ("current_title_level", "chief")]:
    case(f"profile.{field} unknown value", IMPORT, "invalid_file", f"profile.{field}",
         base="applicant", set=[[f"/profile/{field}", bad]])
    case(f"profile.{field} as number", IMPORT, "invalid_file", f"profile.{field}",
         base="applicant", set=[[f"/profile/{field}", 3]])
for field in ["birth_month", "graduation_month", "field_start_month", "current_title_month"]:
    for bad in ["2023-13", "1899-12", "23-01", "2023/01", "二〇二三年一月", ""]:
        case(f"profile.{field} = {bad!r}", IMPORT, "invalid_file", f"profile.{field}",
             base="applicant", set=[[f"/profile/{field}", bad]])
for field, label in [("birth_month", "出生年月"), ("graduation_month", "毕业时间"),
                     ("field_start_month", "从事本领域工作起始年月")]:
    case(f"profile.{field} in the future", IMPORT, "invalid_profile", label,
         base="applicant", set=[[f"/profile/{field}", "2999-01"]])
case("ID number check character wrong", IMPORT, "invalid_profile", "身份证号",
     base="applicant", set=[["/profile/id_number", "500103198506151235"]])
case("ID number too short", IMPORT, "invalid_profile", "身份证号",
     base="applicant", set=[["/profile/id_number", "50010319850615"]])
case("phone not a mobile number", IMPORT, "invalid_profile", "手机",
     base="applicant", set=[["/profile/phone", "12345"]])
case("graduation before birth", IMPORT, "invalid_profile", "毕业时间",
     base="applicant", set=[["/profile/graduation_month", "1980-07"]])
for ch, what in [("\u0000", "NUL"), ("\u202e", "RLO"), ("\u2066", "LRI"), ("\u0007", "BEL"), ("\u200f", "RLM")]:
    case(f"name with {what}", IMPORT, "invalid_file", "profile.name",
         base="applicant", set=[["/profile/name", "李" + ch + "明"]])
    case(f"employer with {what}", IMPORT, "invalid_file", "profile.employer",
         base="applicant", set=[["/profile/employer", "重庆" + ch + "公司"]])
case("name of 350,000 characters", IMPORT, "invalid_file", "profile.name",
     base="applicant", repeat=["/profile/name", "李", 350000])
case("employer of 1001 characters", IMPORT, "invalid_file", "profile.employer",
     base="applicant", set=[["/profile/employer", "重" * 1001]])
case("unknown profile field", IMPORT, "invalid_file", "profile.nickname",
     base="applicant", set=[["/profile/nickname", "小李"]])

# --- applicant files: shape, version, syntax -----------------------------------------------------
for key, v in [("profile", []), ("profile", "李明"), ("profile", 1), ("screening", []), ("publicity", []),
               ("achievements", {}), ("achievements", "a1"), ("achievements", [1, 2])]:
    case(f"{key} as {type(v).__name__}", IMPORT, "invalid_file", key, base="applicant", set=[[f"/{key}", v]])
case("version 9", IMPORT, "unsupported_version", "版本为 9", base="applicant", set=[["/version", 9]])
case("version -1", IMPORT, "invalid_file", "version", base="applicant", set=[["/version", -1]])
case("version as text", IMPORT, "invalid_file", "version", base="applicant", set=[["/version", "3"]])
case("format wrong", IMPORT, "invalid_file", "format", base="applicant", set=[["/format", "zhicheng/round"]])
case("format missing", IMPORT, "invalid_file", "format", base="applicant", remove=["/format"])
case("root is a list", IMPORT, "invalid_file", "根", text="[1, 2, 3]")
case("root is a string", IMPORT, "invalid_file", "根", text="\"李明\"")
case("empty file", IMPORT, "invalid_file", "第1行", text="")
case("only a BOM", IMPORT, "invalid_file", "第1行", text="\ufeff")
case("cut in the middle", IMPORT, "invalid_file", "不完整", text="{\"format\": \"zhicheng/applicant\", \"version\": 3, \"profile\": {\"name\": \"李")
case("trailing comma", IMPORT, "invalid_file", "第1行", text="{\"format\": \"zhicheng/applicant\", \"version\": 3,}")
case("single quotes", IMPORT, "invalid_file", "第1行", text="{'format': 'zhicheng/applicant'}")
case("comment in JSON", IMPORT, "invalid_file", "第1行", text="// 申报人\n{}")
case("duplicate key in profile", IMPORT, "invalid_file", "profile.name",
     text='{"format":"zhicheng/applicant","version":3,"profile":{"name":"李明","name":"王芳"}}')
case("duplicate top-level key", IMPORT, "invalid_file", "profile",
     text='{"format":"zhicheng/applicant","version":3,"profile":{"name":"李明"},"profile":{}}')
case("duplicate key in an achievement", IMPORT, "invalid_file", "achievements[0].rank",
     text='{"format":"zhicheng/applicant","version":3,"profile":{},"achievements":[{"id":"a","title":"t","kind":"invention_patent","rank":1,"rank":9}]}')
case("nested 100000 deep", IMPORT, "invalid_file", "第1行", generate="deep_nesting")
case("file of 11 MB", IMPORT, "invalid_file", "MB", generate="big_file")
case("not UTF-8", IMPORT, "invalid_file", "UTF-8", generate="latin1")
case("501 achievements", IMPORT, "invalid_file", "achievements", generate="many_achievements")
case("a directory", IMPORT, "invalid_file", "不是普通文件", generate="directory")
case("a FIFO", IMPORT, "invalid_file", "不是普通文件", generate="fifo")
case("missing file", ["profile", "import", "{tmp}/nope.json"], "io", "nope.json")

# --- applicant files: achievements ----------------------------------------------------------------
A = "/achievements"
for i, (ptr, v, field) in enumerate([
    ("/0/rank", 0, "rank"), ("/0/rank", 4294967295, "rank"), ("/0/rank", 4294967296, "rank"),
    ("/0/rank", -1, "rank"), ("/0/rank", "1", "rank"), ("/0/rank", 1.5, "rank"), ("/0/rank", 101, "rank"),
    ("/1/investment_wan", 1e308, "investment_wan"), ("/1/investment_wan", -5, "investment_wan"),
    ("/1/investment_wan", "1800", "investment_wan"), ("/1/investment_wan", 100000001, "investment_wan"),
    ("/0/granted", "yes", "granted"), ("/0/granted", 1, "granted"), ("/1/level", "city", "level"),
    ("/1/level", "国家级", "level"), ("/0/kind", "patent", "kind"), ("/0/kind", 3, "kind"),
    ("/2/authorship", "second", "authorship"), ("/0/month", "2035-01", "month"), ("/0/month", "2021-00", "month"),
    ("/0/month", 202106, "month"), ("/0/id", "", "id"), ("/0/id", 7, "id"), ("/1/id", "a1", "id"),
    ("/0/title", "", "title"), ("/0/title", "   ", "title"), ("/0/title", "专" * 1001, "title"),
    ("/0/title", "专\u202e利", "title"), ("/0/extra", 1, "extra"),
]):
    idx = ptr.split("/")[1]
    code = "invalid_file"
    case(f"achievement {ptr} = {str(v)[:20]!r}", IMPORT, code, f"achievements[{idx}].{field}" if field != "kind" else f"achievements[{idx}]",
         base="applicant", set=[[A + ptr, v]])
case("achievement without kind", IMPORT, "invalid_file", "achievements[0]", base="applicant", remove=["/achievements/0/kind"])

# --- screening and publicity ---------------------------------------------------------------------
for ptr, v, field in [("/screening/route", "fast", "screening.route"), ("/screening/apply_month", "2023-13", "screening.apply_month"),
                      ("/screening/civil_servant", "否", "screening.civil_servant"), ("/screening/retired", 0, "screening.retired"),
                      ("/publicity/start", "2023-11-31", "publicity.start"), ("/publicity/start", "20231120", "publicity.start"),
                      ("/publicity/level", "supreme", "publicity.level"), ("/publicity/place", 5, "publicity.place"),
                      ("/publicity/unit_phone", ["023"], "publicity.unit_phone")]:
    case(f"{ptr} = {v!r}", IMPORT, "invalid_file", field, base="applicant", set=[[ptr, v]])

# --- assess / sheet with a bad applicant file -------------------------------------------------------
case("assess a file with a bad ID", ["assess", "{input}"], "invalid_profile", "身份证号",
     base="applicant", set=[["/profile/id_number", "500103198506151235"]])
case("assess a file with a future achievement", ["assess", "{input}"], "invalid_file", "achievements[0].month",
     base="applicant", set=[["/achievements/0/month", "2999-01"]])
case("sheet of a file with graduation before birth", ["sheet", "{input}", "-o", "{tmp}/s.pdf"], "invalid_profile", "毕业时间",
     base="applicant", set=[["/profile/graduation_month", "1980-07"]])
case("assess --apply-month 2023-13", ["assess", "--apply-month", "2023-13"], "invalid_file", "--apply-month")
case("assess --apply-month 23-11", ["assess", "--apply-month", "23-11"], "invalid_file", "--apply-month")
case("assess --batch of a FIFO folder", ["assess", "--batch", "{input}"], None, "不是普通文件", exit=None, generate="fifo_dir")

# --- rule packs ------------------------------------------------------------------------------------
RULES = ["assess", "{example}", "--rules", "{input}"]
L0 = "/routes/0/levels/0"
for name, ops, field in [
    ("years 200000000", [[L0 + "/education/0/years", 200000000]], "education[0].years"),
    ("years 61", [[L0 + "/education/0/years", 61]], "education[0].years"),
    ("years -1", [[L0 + "/education/0/years", -1]], "years"),
    ("no routes", [["/routes", []]], "routes"),
    ("window 0 months", [["/window_months", 0]], "window_months"),
    ("window 1000 months", [["/window_months", 1000]], "window_months"),
    ("default_apply_month 1900-13", [["/default_apply_month", "1900-13"]], "default_apply_month"),
    ("format wrong", [["/format", "x"]], "format"),
    ("count 0", [[L0 + "/conditions/0/any_of/0/count", 0]], "conditions[0].any_of[0]"),
    ("count 1000", [[L0 + "/conditions/0/any_of/0/count", 1000]], "conditions[0].any_of[0]"),
    ("no kinds", [[L0 + "/conditions/0/any_of/0/kinds", []]], "conditions[0].any_of[0]"),
    ("unknown kind", [[L0 + "/conditions/0/any_of/0/kinds", ["rocket"]]], "kinds"),
    ("max_rank 0", [[L0 + "/conditions/0/any_of/0/require/max_rank", 0]], "max_rank"),
    ("negative investment", [[L0 + "/conditions/0/any_of/0/require/min_investment_wan", -1500]], "min_investment_wan"),
    ("huge investment", [[L0 + "/conditions/0/any_of/0/require/min_investment_wan", 1e300]], "min_investment_wan"),
    ("negative revenue sum", [[L0 + "/conditions/0/any_of/0/sum_revenue_wan", -1]], "sum_revenue_wan"),
    ("unknown require key", [[L0 + "/conditions/0/any_of/0/require/lucky", True]], "lucky"),
    ("no education rows", [[L0 + "/education", []]], "education"),
    ("no alternatives", [[L0 + "/conditions/0/any_of", []]], "any_of"),
    ("chain of one node", [["/chains/0/nodes", ["个人"]]], "chains[0].nodes"),
    ("fee of a million", [["/fees/0/yuan", 1000000]], "fees[0].yuan"),
    ("level unknown", [[L0 + "/level", "master"]], "level"),
    ("routes as object", [["/routes", {}]], "routes"),
]:
    case(f"rule pack: {name}", RULES, "invalid_file", field, base="pack", set=ops)
case("rule pack: version 2", RULES, "unsupported_version", "版本为 2", base="pack", set=[["/version", 2]])
case("rule pack: not JSON", RULES, "invalid_file", "第1行", text="rules: yes")
case("rule pack: duplicate clause", RULES, "invalid_file", "conditions[1].clause", base="pack",
     copy=[[L0 + "/conditions/0/clause", L0 + "/conditions/1/clause"]])

# --- rounds saved in deadlines.json ----------------------------------------------------------------
DL = ["deadlines", "--at", "2023-11-30T12:00:00+08:00"]
for name, ops, field in [
    ("no submission window", [["/rounds/0/windows", []]], "rounds[0].windows"),
    ("window closing before it opens", [["/rounds/0/windows/0/closes_at", "2023-11-01T00:00:00+08:00"]], "rounds[0].windows[0].closes_at"),
    ("window not in Beijing time", [["/rounds/0/windows/0/opens_at", "2023-11-03T17:00:00+00:00"]], "rounds[0].windows[0].opens_at"),
    ("window in the year 1", [["/rounds/0/windows/0/opens_at", "0001-11-03T17:00:00+08:00"]], "rounds[0].windows[0]"),
    ("bad instant", [["/rounds/0/windows/0/opens_at", "2023-11-03 17:00"]], "rounds[0].windows[0].opens_at"),
    ("publicity 0 days", [["/rounds/0/unit_publicity_workdays/value", 0]], "unit_publicity_workdays"),
    ("publicity 4000000000 days", [["/rounds/0/unit_publicity_workdays/value", 4000000000]], "unit_publicity_workdays"),
    ("empty id", [["/rounds/0/id", ""]], "rounds[0].id"),
    ("step_days huge", [["/step_days", [4000000000]]], "step_days"),
    ("step_days 61", [["/step_days", [61]]], "step_days"),
    ("lead_minutes huge", [["/lead_minutes", [4000000000]]], "lead_minutes"),
    ("lead_minutes 0", [["/lead_minutes", [0]]], "lead_minutes"),
    ("rounds as object", [["/rounds", {}]], "rounds"),
]:
    case(f"deadlines.json: {name}", DL, "corrupt_file", field, base="settings", place="ws:deadlines.json", set=ops)
case("deadlines --at garbage", ["deadlines", "--at", "tomorrow"], "invalid_file", "--at")
case("deadlines --at without zone", ["deadlines", "--at", "2023-11-30T12:00:00"], "invalid_file", "--at")

# --- sheet templates --------------------------------------------------------------------------------
SHEET = ["sheet", "{example}", "-o", "{tmp}/s.pdf", "--template", "{input}"]
for name, ops, field in [
    ("1000 columns", [["/columns_mm", [0.18] * 1000]], "columns_mm"),
    ("a 0-width column", [["/columns_mm", [0, 62, 22, 32, 28, 36]]], "columns_mm"),
    ("a negative column", [["/columns_mm", [-10, 72, 22, 32, 28, 36]]], "columns_mm"),
    ("columns not filling the page", [["/columns_mm", [30, 32, 22, 32, 28, 30]]], "columns_mm"),
    ("no columns", [["/columns_mm", []]], "columns_mm"),
    ("title 0 pt", [["/title_pt", 0]], "title_pt"),
    ("body 1000 pt", [["/body_pt", 1000]], "body_pt"),
    ("page 10 mm wide", [["/page/width_mm", 10]], "page"),
    ("margins larger than the page", [["/page/top_mm", 200], ["/page/bottom_mm", 200]], "page"),
    ("unknown placeholder", [["/footer", "{salary}"]], "footer"),
    ("format wrong", [["/format", "x"]], "format"),
    ("table column 0 mm", [["/blocks/1/columns/0/width_mm", 0]], "blocks[1].columns"),
    ("sign box 1 mm", [["/blocks/5/height_mm", 1]], "blocks[5].height_mm"),
    ("unknown block", [["/blocks/0/type", "video"]], "blocks[0]"),
]:
    case(f"template: {name}", SHEET, "invalid_file", field, base="template", set=ops)
case("template: version 2", SHEET, "unsupported_version", "版本为 2", base="template", set=[["/version", 2]])
case("template: a rule pack given as the template", SHEET, "invalid_file", "format", base="pack")

# --- workdays and other arguments -----------------------------------------------------------------------
for args, field in [
    (["workdays", "add", "--from", "2023-10-01", "--days", "4000000000"], "--days"),
    (["workdays", "add", "--from", "2023-10-01", "--days", "0"], "--days"),
    (["workdays", "add", "--from", "0001-01-01", "--days", "5"], "--from"),
    (["workdays", "add", "--from", "9999-12-31", "--days", "5"], "--from"),
    (["workdays", "add", "--from", "2023-02-30", "--days", "5"], "--from"),
    (["workdays", "latest-start", "--end", "0001-01-01", "--days", "5"], "--end"),
    (["workdays", "between", "--from", "1900-01-01", "--to", "9999-12-31"], "--to"),
]:
    case(" ".join(args[:2]) + " " + " ".join(args[2:]), args, "invalid_file", field)
for args in [["workdays", "add", "--from", "2023-10-01", "--days", "-3"],
             ["workdays", "add", "--from", "2023-10-01", "--days", "五"],
             ["assess", "--csv", "x.csv"], ["frobnicate"], ["sheet"], ["profile", "import"]]:
    case("arguments: " + " ".join(args), args, None, "", exit=2)
case("profile export onto /dev/null", ["profile", "export", "/dev/null", "--force"], "invalid_file", "不是普通文件")
case("profile export onto a folder", ["profile", "export", "{tmp}", "--force"], "invalid_file", "不是普通文件")
case("profile export onto an existing file", ["profile", "export", "{example}"], "already_exists", "--force")
case("sheet -o /dev/full --force", ["sheet", "{example}", "-o", "/dev/full", "--force"], "invalid_file", "不是普通文件")
case("ics onto a folder", ["deadlines", "--ics", "{tmp}", "--force"], "invalid_file", "不是普通文件")

# --- evidence files -----------------------------------------------------------------------------------
EV = ["evidence", "add", "{input}", "--passphrase-file", "{pass}"]
for name, gen, field in [("an empty PDF", "empty_pdf", "空文件"), ("a program named .pdf", "elf_pdf", "可执行程序"),
                         ("a text file", "txt", "不是支持的格式"), ("a FIFO named .pdf", "fifo_pdf", "scan.pdf")]:
    case(f"evidence: {name}", EV, None, field, exit=1, generate=gen)
case("evidence: a missing file", ["evidence", "add", "{tmp}/nope.pdf", "--passphrase-file", "{pass}"], None, "nope.pdf", exit=1)
case("evidence: link to an unknown item", ["evidence", "link", "0123456789abcdef", "item:nothing", "--passphrase-file", "{pass}"], "not_found", "item:nothing")
case("evidence: a wrong passphrase", ["evidence", "add", "{example}", "--passphrase-file", "{input}"], "wrong_passphrase", "口令", text="short\n")
case("evidence: export into a non-empty folder", ["evidence", "export", "--to", "{tmp}", "--passphrase-file", "{pass}"], None, "不为空", exit=1)

out = here / "cases.json"
out.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(cases)} cases → {out}")
