//! The pages as SVG, for the in-app preview: the same layout as the PDF (same positions, each run
//! stretched to its measured width), with the empty fields tinted.

use std::fmt::Write;

use crate::layout::{Item, Layout};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

pub fn pages(layout: &Layout) -> Vec<String> {
    let (w, h) = (layout.page.width_mm, layout.page.height_mm);
    layout
        .pages
        .iter()
        .map(|page| {
            let mut s = format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}mm\" height=\"{h}mm\"><rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>"
            );
            for item in &page.items {
                if let Item::Missing { x, y, w, h, field } = item {
                    let _ = write!(
                        s,
                        "<rect class=\"missing\" data-field=\"{}\" x=\"{x:.2}\" y=\"{y:.2}\" width=\"{w:.2}\" height=\"{h:.2}\" fill=\"#fff1f0\" stroke=\"#ff4d4f\" stroke-width=\"0.4\" stroke-dasharray=\"1 0.6\"/>",
                        esc(field)
                    );
                }
            }
            s.push_str("<g stroke=\"#000\" stroke-linecap=\"square\">");
            for item in &page.items {
                if let Item::Line { x1, y1, x2, y2, width_pt } = item {
                    let _ = write!(
                        s,
                        "<line x1=\"{x1:.2}\" y1=\"{y1:.2}\" x2=\"{x2:.2}\" y2=\"{y2:.2}\" stroke-width=\"{:.3}\"/>",
                        width_pt * 25.4 / 72.0
                    );
                }
            }
            s.push_str("</g>");
            for item in &page.items {
                if let Item::Text { x, baseline, size_pt, face, text, width } = item {
                    let weight = if *face == crate::fonts::Face::SansBold { " font-weight=\"700\"" } else { "" };
                    let _ = write!(
                        s,
                        "<text x=\"{x:.2}\" y=\"{baseline:.2}\" font-size=\"{:.3}\" font-family=\"{}\"{weight} textLength=\"{width:.2}\" lengthAdjust=\"spacingAndGlyphs\">{}</text>",
                        size_pt * 25.4 / 72.0,
                        face.css_family().replace('"', "'"),
                        esc(text)
                    );
                }
            }
            s.push_str("</svg>");
            s
        })
        .collect()
}
