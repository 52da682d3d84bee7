#![allow(dead_code)]
use chrono::{DateTime, Utc};
use zhicheng_core::applicant_file::{self, ApplicantFile};
use zhicheng_core::calendar::WorkCalendar;
use zhicheng_core::eligibility::RulePack;
use zhicheng_core::round::Round;
use zhicheng_sheet::{Context, Fonts, Template};

pub(crate) fn fonts() -> &'static Fonts {
    Fonts::load(&zhicheng_sheet::fonts::default_dir()).expect("fonts/ is filled by scripts/fonts.sh")
}

/// The sample applicant with a publicity filled in.
pub(crate) fn sample() -> ApplicantFile {
    let text = include_str!("../../../../examples/applicant.json");
    let mut f = applicant_file::parse(text, None).unwrap().file;
    f.publicity.start = Some("2023-11-20".parse().unwrap());
    f.publicity.place = "公司办公楼一楼公告栏及OA办公平台".into();
    f.publicity.unit_name = "重庆某某环保科技有限公司人力资源部".into();
    f.publicity.unit_phone = "023-67001234".into();
    f.publicity.superior_name = "重庆市渝北区经济和信息化委员会".into();
    f.publicity.superior_phone = "023-67805678".into();
    f
}

pub(crate) fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

pub(crate) fn with_ctx<T>(run: impl FnOnce(&Context) -> T) -> T {
    let pack = RulePack::builtin();
    let round = Round::builtin();
    let template = Template::builtin();
    let ctx =
        Context { pack: &pack, round: &round, calendar: WorkCalendar::builtin(), template: &template, fonts: fonts() };
    run(&ctx)
}

pub(crate) fn pdf_of(f: &ApplicantFile) -> Vec<u8> {
    with_ctx(|ctx| zhicheng_sheet::pdf(f, ctx, at("2023-11-18T10:00:00+08:00")).unwrap())
}
