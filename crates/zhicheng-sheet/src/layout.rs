//! Typesetting: the template and the data become pages of positioned text runs and rules, measured
//! with the real fonts. CJK lines break between any two characters except where the line-breaking
//! rules forbid it (no line starts with ，。、；：？！）》」』” and none ends with （《「『“); Latin
//! words and numbers stay whole; rows grow to fit; tables continue on the next page with their
//! caption and header row repeated. Both the PDF and the in-app preview draw these pages.

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "line breaking and pagination: each expect follows the check it names, and spans and columns index a grid Template::parse validated (spans add up to the columns, at least one column); fuzzed through Template::parse and covered by the sheet tests"
)]

use crate::data::SheetData;
use crate::fonts::{Face, Fonts};
use crate::template::{Align, Block, Cell, Column, PageSpec, RowField, TableSource, Template, fill};

pub const PT_TO_MM: f32 = 25.4 / 72.0;

/// Characters that may not begin a line.
const NO_START: &str = "，。、；：？！）》」』”’】〕〉〗｝．,.;:?!)]}%‰…—·～";
/// Characters that may not end a line.
const NO_END: &str = "（《「『“‘【〔〈〖｛([{";

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of text in one face; `x`/`baseline` in mm from the page's top-left corner.
    Text { x: f32, baseline: f32, size_pt: f32, face: Face, text: String, width: f32 },
    /// A rule, in mm from the top-left corner.
    Line { x1: f32, y1: f32, x2: f32, y2: f32, width_pt: f32 },
    /// A cell whose field is still empty (drawn by the preview only).
    Missing { x: f32, y: f32, w: f32, h: f32, field: String },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub page: PageSpec,
    pub pages: Vec<Page>,
}

const PAD_X: f32 = 1.2;
const PAD_Y: f32 = 1.3;
const LINE: f32 = 1.42;
const RULE_PT: f32 = 0.6;

/// Width of `text` in mm at `size_pt`, each character in the face that draws it.
pub fn measure(fonts: &Fonts, face: Face, text: &str, size_pt: f32) -> f32 {
    text.chars().map(|c| fonts.face_for(face, c).and_then(|f| fonts.face(f).advance_em(c)).unwrap_or(0.0)).sum::<f32>()
        * size_pt
        * PT_TO_MM
}

/// Splits a line into runs of one face each.
pub fn runs(fonts: &Fonts, face: Face, text: &str) -> Vec<(Face, String)> {
    let mut out: Vec<(Face, String)> = vec![];
    for c in text.chars() {
        let f = fonts.face_for(face, c).unwrap_or(face);
        match out.last_mut() {
            Some((lf, s)) if *lf == f => s.push(c),
            _ => out.push((f, c.to_string())),
        }
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "._-/@#&+'%".contains(c)
}

/// Tokens: a Latin word or number, a space, or one other character.
fn tokens(para: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    for c in para.chars() {
        let glue = is_word_char(c) && out.last().is_some_and(|t| t.chars().last().is_some_and(is_word_char));
        if glue {
            out.last_mut().expect("checked").push(c);
        } else {
            out.push(c.to_string());
        }
    }
    out
}

/// Clusters that must stay on one line: tokens glued by the line-breaking rules.
fn clusters(para: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    let mut glue_next = false;
    for t in tokens(para) {
        let first = t.chars().next().expect("tokens are not empty");
        let glue = glue_next || (NO_START.contains(first) && !out.is_empty());
        if glue_next && first == ' ' {
            // An opening mark followed by a space still may not end a line.
            out.last_mut().expect("not empty when glued").push_str(&t);
            continue;
        }
        if glue && first != ' ' {
            // A closing mark after a space still may not start a line: it joins the text before the
            // space (spaces are break points of their own otherwise).
            if out.len() >= 2 && out.last().is_some_and(|l| l == " ") && NO_START.contains(first) {
                let space = out.pop().expect("checked");
                let prev = out.last_mut().expect("checked");
                prev.push_str(&space);
                prev.push_str(&t);
            } else {
                out.last_mut().expect("not empty when glued").push_str(&t);
            }
        } else {
            out.push(t.clone());
        }
        glue_next = t.chars().last().is_some_and(|c| NO_END.contains(c));
    }
    out
}

/// Breaks `text` into lines no wider than `width` mm.
pub fn wrap(fonts: &Fonts, face: Face, text: &str, size_pt: f32, width: f32) -> Vec<String> {
    let mut lines = vec![];
    for para in text.split('\n') {
        let mut line = String::new();
        let mut w = 0.0;
        for cl in clusters(para) {
            let cw = measure(fonts, face, &cl, size_pt);
            if w + cw <= width + 0.01 || line.is_empty() && cw <= width + 0.01 {
                line.push_str(&cl);
                w += cw;
                continue;
            }
            if !line.trim().is_empty() {
                lines.push(line.trim_end().to_string());
            }
            line = String::new();
            w = 0.0;
            if cl == " " {
                continue;
            }
            if cw <= width + 0.01 {
                line.push_str(&cl);
                w = cw;
            } else {
                // Wider than the whole line (a very long word): cut it where it must be cut.
                // Even then, a closing mark takes the character before it along, and an opening
                // mark moves on with the character after it.
                for c in cl.chars() {
                    let ccw = measure(fonts, face, c.encode_utf8(&mut [0; 4]), size_pt);
                    if w + ccw > width + 0.01 && !line.is_empty() {
                        let mut carry = String::new();
                        let mut take_one = NO_START.contains(c);
                        while line.chars().count() > 1 {
                            let l = line.chars().last().expect("checked");
                            if l == ' ' || NO_END.contains(l) {
                                carry.insert(0, line.pop().expect("checked"));
                            } else if take_one {
                                carry.insert(0, line.pop().expect("checked"));
                                take_one = NO_START.contains(l);
                            } else {
                                break;
                            }
                        }
                        lines.push(line.trim_end().to_string());
                        line = carry.trim_start().to_string();
                        w = measure(fonts, face, &line, size_pt);
                    }
                    line.push(c);
                    w += ccw;
                }
            }
        }
        lines.push(line.trim_end().to_string());
    }
    while lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// A cell ready to draw.
struct Boxed {
    x: f32,
    w: f32,
    lines: Vec<String>,
    face: Face,
    size: f32,
    align: Align,
    missing: Option<String>,
    /// Fixed height (the signature box) and bottom-right lines drawn inside it.
    bottom_right: Vec<String>,
}

/// The size of the note's text.
const NOTE_PT: f32 = 9.0;

struct Writer<'a> {
    fonts: &'a Fonts,
    t: &'a Template,
    data: &'a SheetData,
    pages: Vec<Page>,
    y: f32,
    /// The last row drew no bottom rule yet shared with the next (true after a page break or a gap).
    open_top: bool,
}

impl<'a> Writer<'a> {
    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a page exists")
    }

    fn bottom(&self) -> f32 {
        self.t.page.height_mm - self.t.page.bottom_mm
    }

    fn left(&self) -> f32 {
        self.t.page.left_mm
    }

    fn width(&self) -> f32 {
        self.t.page.content_width()
    }

    fn text(&mut self, x: f32, baseline: f32, size_pt: f32, face: Face, s: &str) {
        let mut x = x;
        for (f, run) in runs(self.fonts, face, s) {
            let width = measure(self.fonts, f, &run, size_pt);
            self.page().items.push(Item::Text { x, baseline, size_pt, face: f, text: run, width });
            x += width;
        }
    }

    fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.page().items.push(Item::Line { x1, y1, x2, y2, width_pt: RULE_PT });
    }

    fn lh(size: f32) -> f32 {
        size * PT_TO_MM * LINE
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.t.page.top_mm;
        let size = 9.0;
        let head = fill(&self.t.continued, |n| self.data.field(n));
        let base = self.y + size * PT_TO_MM;
        let left = self.left();
        self.text(left, base, size, Face::Serif, &head);
        self.y += Self::lh(size) + 2.0;
        self.open_top = true;
    }

    fn first_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.t.page.top_mm;
        let (tsize, ssize) = (self.t.title_pt, self.t.subtitle_pt);
        for (text, size, face, gap) in [
            (self.t.title.clone(), tsize, Face::SansBold, 2.5),
            (fill(&self.t.subtitle, |n| self.data.field(n)), ssize, Face::Serif, 4.0),
        ] {
            let lines = wrap(self.fonts, face, &text, size, self.width());
            for l in lines {
                let w = measure(self.fonts, face, &l, size);
                let x = self.left() + (self.width() - w) / 2.0;
                let base = self.y + size * PT_TO_MM * 0.95;
                self.text(x, base, size, face, &l);
                self.y += Self::lh(size);
            }
            self.y += gap;
        }
        self.open_top = true;
    }

    fn row_height(&self, cells: &[Boxed], min: f32) -> f32 {
        cells.iter().map(|c| c.lines.len() as f32 * Self::lh(c.size) + 2.0 * PAD_Y).fold(min, f32::max)
    }

    /// Draws a row of cells at the cursor, breaking the page first when it does not fit. Returns
    /// whether a page break happened (so a table can repeat its header).
    fn row(&mut self, cells: Vec<Boxed>, min_h: f32, fixed: Option<f32>) -> bool {
        let h = fixed.unwrap_or_else(|| self.row_height(&cells, min_h));
        let mut broke = false;
        if self.y + h > self.bottom() && self.pages.last().is_some_and(|p| !p.items.is_empty()) {
            self.new_page();
            broke = true;
        }
        let (top, x0, x1) = (self.y, self.left(), self.left() + self.width());
        if self.open_top {
            self.rule(x0, top, x1, top);
        }
        self.rule(x0, top + h, x1, top + h);
        for c in &cells {
            self.rule(c.x, top, c.x, top + h);
        }
        self.rule(x1, top, x1, top + h);
        for c in cells {
            if let Some(field) = &c.missing {
                let item = Item::Missing { x: c.x, y: top, w: c.w, h, field: field.clone() };
                self.page().items.push(item);
            }
            let lh = Self::lh(c.size);
            let size_mm = c.size * PT_TO_MM;
            let block = c.lines.len() as f32 * lh;
            let start = if fixed.is_some() { top + PAD_Y } else { top + (h - block) / 2.0 };
            for (i, l) in c.lines.iter().enumerate() {
                let base = start + i as f32 * lh + (lh - size_mm) / 2.0 + size_mm * 0.88;
                let x = match c.align {
                    Align::Left => c.x + PAD_X,
                    Align::Center => c.x + (c.w - measure(self.fonts, c.face, l, c.size)) / 2.0,
                };
                self.text(x, base, c.size, c.face, l);
            }
            let n = c.bottom_right.len() as f32;
            for (i, l) in c.bottom_right.iter().enumerate() {
                let base = top + h - PAD_Y - (n - 1.0 - i as f32) * lh * 1.2 - (lh - size_mm) / 2.0 - size_mm * 0.12;
                let x = c.x + c.w - PAD_X - 12.0 - measure(self.fonts, c.face, l, c.size);
                self.text(x, base, c.size, c.face, l);
            }
        }
        self.y = top + h;
        self.open_top = false;
        broke
    }

    fn boxed(&self, x: f32, w: f32, text: &str, face: Face, size: f32, align: Align) -> Boxed {
        let mut lines = wrap(self.fonts, face, text, size, w - 2.0 * PAD_X);
        if align == Align::Center && lines.len() > 1 {
            // Centred text that wraps: balance the lines (毕业院校\n及专业, not 毕业院校及专\n业).
            let mut narrower = w - 2.0 * PAD_X;
            loop {
                narrower -= 0.5;
                let next = wrap(self.fonts, face, text, size, narrower);
                if narrower < 5.0 || next.len() > lines.len() {
                    break;
                }
                lines = next;
            }
        }
        Boxed { x, w, lines, face, size, align, missing: None, bottom_right: vec![] }
    }

    fn grid_row(&mut self, row: &[Cell]) {
        let cells = self.grid_cells(row);
        self.row(cells, 8.0, None);
    }

    /// How tall the blocks would be, drawn in one piece (grids, notes and the signature box).
    fn height_of(&self, blocks: &[Block]) -> f32 {
        blocks
            .iter()
            .map(|b| match b {
                Block::Grid { rows } => rows.iter().map(|r| self.row_height(&self.grid_cells(r), 8.0)).sum(),
                Block::Note { text } => self.note_lines(text).len() as f32 * Self::lh(NOTE_PT) + 3.0,
                Block::Sign { height_mm, .. } => *height_mm,
                Block::Table { .. } => 0.0,
            })
            .sum()
    }

    fn grid_cells(&self, row: &[Cell]) -> Vec<Boxed> {
        let size = self.t.body_pt;
        let mut x = self.left();
        let mut col = 0usize;
        let mut cells = vec![];
        for cell in row {
            let w: f32 = self.t.columns_mm[col..col + cell.span as usize].iter().sum();
            col += cell.span as usize;
            let b = match (&cell.label, &cell.field) {
                (Some(l), _) => self.boxed(x, w, &fill(l, |n| self.data.field(n)), Face::Serif, size, Align::Center),
                (None, Some(f)) => {
                    let mut b = self.boxed(x, w, &self.data.field(f), Face::Serif, size, Align::Left);
                    if self.data.missing.iter().any(|m| &m.field == f) {
                        b.missing = Some(f.clone());
                    }
                    b
                }
                (None, None) => self.boxed(x, w, "", Face::Serif, size, Align::Left),
            };
            cells.push(b);
            x += w;
        }
        cells
    }

    fn caption_row(&mut self, caption: &str) -> bool {
        let size = self.t.body_pt;
        let cell = self.boxed(self.left(), self.width(), caption, Face::SansBold, size, Align::Center);
        self.row(vec![cell], 7.5, None)
    }

    fn header_row(&mut self, columns: &[Column]) {
        let size = self.t.body_pt;
        let mut x = self.left();
        let mut cells = vec![];
        for c in columns {
            cells.push(self.boxed(x, c.width_mm, &c.header, Face::SansBold, size, Align::Center));
            x += c.width_mm;
        }
        self.row(cells, 7.5, None);
    }

    fn table(&mut self, source: TableSource, caption: &str, empty: &str, columns: &[Column]) {
        let caption = fill(caption, |n| self.data.field(n));
        let rows = match source {
            TableSource::Achievements => &self.data.achievements,
            TableSource::Works => &self.data.works,
        };
        // Keep the caption, the header and the first row together.
        let size = self.t.body_pt;
        let first = Self::lh(size) * 3.0 + 6.0 * PAD_Y + 4.0;
        if self.y + first > self.bottom() {
            self.new_page();
        }
        self.caption_row(&caption);
        self.header_row(columns);
        if rows.is_empty() {
            let cell = self.boxed(self.left(), self.width(), empty, Face::Serif, size, Align::Center);
            self.row(vec![cell], 7.5, None);
            return;
        }
        for (i, r) in rows.iter().enumerate() {
            let mut x = self.left();
            let mut cells = vec![];
            for c in columns {
                let text = match c.field {
                    RowField::Index => (i + 1).to_string(),
                    RowField::Month => r.month.clone(),
                    RowField::Title => r.title.clone(),
                    RowField::Role => r.role.clone(),
                    RowField::Condition => r.condition.clone(),
                };
                cells.push(self.boxed(x, c.width_mm, &text, Face::Serif, size, c.align));
                x += c.width_mm;
            }
            let h = self.row_height(&cells, 7.5);
            if self.y + h > self.bottom() {
                self.new_page();
                self.caption_row(&format!("{caption}（续）"));
                self.header_row(columns);
            }
            self.row(cells, 7.5, None);
        }
    }

    fn note_lines(&self, text: &str) -> Vec<String> {
        let text = fill(text, |n| self.data.field(n));
        wrap(self.fonts, Face::Serif, &text, NOTE_PT, self.width())
    }

    fn note(&mut self, text: &str) {
        let size = NOTE_PT;
        let lines = self.note_lines(text);
        let h = lines.len() as f32 * Self::lh(size) + 3.0;
        if self.y + h > self.bottom() {
            self.new_page();
        }
        self.y += 2.0;
        let left = self.left();
        for l in lines {
            let base = self.y + size * PT_TO_MM * 0.95;
            self.text(left, base, size, Face::Serif, &l);
            self.y += Self::lh(size);
        }
        self.y += 1.0;
        self.open_top = true;
    }

    fn sign(&mut self, label: &str, height: f32, lines: &[String]) {
        let size = self.t.body_pt;
        let lw = self.t.columns_mm[0];
        let label_cell = self.boxed(self.left(), lw, label, Face::Serif, size, Align::Center);
        let mut blank = self.boxed(self.left() + lw, self.width() - lw, "", Face::Serif, size, Align::Left);
        blank.lines.clear();
        blank.bottom_right = lines.to_vec();
        self.open_top = true;
        let mut label_cell = label_cell;
        // The label sits in the middle of the tall box.
        let lh = Self::lh(size);
        let pad_lines = ((height - 2.0 * PAD_Y) / lh / 2.0 - label_cell.lines.len() as f32 / 2.0).max(0.0) as usize;
        let mut padded = vec![String::new(); pad_lines];
        padded.append(&mut label_cell.lines);
        label_cell.lines = padded;
        self.row(vec![label_cell, blank], height, Some(height));
    }
}

/// Lays the sheet out on pages.
pub fn layout(fonts: &Fonts, t: &Template, data: &SheetData) -> Layout {
    let mut w = Writer { fonts, t, data, pages: vec![], y: 0.0, open_top: true };
    w.first_page();
    // The closing blocks after the last table (the publicity's period and contacts, the note, the
    // 单位意见/盖章 box) stay together: when they do not fit below the tables, they start a page
    // together, so the signature box is never alone on a page.
    let tail = t.blocks.iter().rposition(|b| matches!(b, Block::Table { .. })).map_or(0, |i| i + 1);
    for (i, block) in t.blocks.iter().enumerate() {
        if i == tail && tail < t.blocks.len() {
            let h = w.height_of(&t.blocks[tail..]);
            let room = w.bottom() - w.t.page.top_mm;
            if w.y + h > w.bottom() && h < room {
                w.new_page();
            }
        }
        match block {
            Block::Grid { rows } => {
                w.open_top = true;
                for r in rows {
                    w.grid_row(r);
                }
            }
            Block::Table { source, caption, empty, columns } => {
                w.table(*source, caption, empty, columns);
            }
            Block::Note { text } => w.note(text),
            Block::Sign { label, height_mm, lines } => w.sign(label, *height_mm, lines),
        }
    }
    // Page numbers, now that the count is known.
    let n = w.pages.len();
    let size = 9.0;
    let base = t.page.height_mm - t.page.bottom_mm / 2.0;
    for i in 0..n {
        let s = fill(&t.footer, |k| match k {
            "page" => (i + 1).to_string(),
            "pages" => n.to_string(),
            other => data.field(other),
        });
        let width = measure(fonts, Face::Serif, &s, size);
        let x = t.page.left_mm + (t.page.content_width() - width) / 2.0;
        let mut items = vec![];
        for (f, run) in runs(fonts, Face::Serif, &s) {
            let rw = measure(fonts, f, &run, size);
            items.push(Item::Text {
                x: x + items.iter().map(text_width).sum::<f32>(),
                baseline: base,
                size_pt: size,
                face: f,
                text: run,
                width: rw,
            });
        }
        w.pages[i].items.extend(items);
    }
    Layout { page: t.page, pages: w.pages }
}

fn text_width(i: &Item) -> f32 {
    match i {
        Item::Text { width, .. } => *width,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_latin_words_and_numbers_whole() {
        assert_eq!(tokens("光伏PV-2023项目"), ["光", "伏", "PV-2023", "项", "目"]);
        assert_eq!(tokens("a b"), ["a", " ", "b"]);
    }

    #[test]
    fn clusters_glue_what_may_not_start_or_end_a_line() {
        assert_eq!(clusters("甲，乙（丙）。"), ["甲，", "乙", "（丙）。"]);
        assert_eq!(clusters("《标准》"), ["《标", "准》"]);
    }
}
