//! The speaker timeline: quotes per day as an inline SVG, drawn on the server.
//!
//! No chart library: a date axis, one stem per dated day whose height is the number of quotes,
//! and a `<title>` on each for the exact count. It scales with the page (a `viewBox`, width 100%)
//! and needs no script.

use std::fmt::Write;

use super::html::escape;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 150.0;
const LEFT: f64 = 28.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 30.0;

/// Days since 1970-01-01 of an ISO 8601 date or prefix (`2019`, `2019-09`, `2019-09-18`);
/// `None` when it does not parse.
pub fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.get(..10.min(date.len()))?.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next().map_or(Ok(1), str::parse).ok()?;
    let d: i64 = parts.next().map_or(Ok(1), str::parse).ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The SVG of a timeline of `(date, quotes)` pairs, oldest first; links each day to the anchor
/// `#d-DATE` on the same page. Empty when no date parses.
pub fn timeline_svg(points: &[(String, u64)]) -> String {
    let dated: Vec<(i64, &str, u64)> =
        points.iter().filter_map(|(d, n)| day_number(d).map(|day| (day, d.as_str(), *n))).collect();
    let (Some(first), Some(last)) = (dated.iter().map(|p| p.0).min(), dated.iter().map(|p| p.0).max()) else {
        return String::new();
    };
    // Pad the range so single days and the ends do not sit on the frame.
    let pad = ((last - first) / 20).max(3);
    let (lo, hi) = (first - pad, last + pad);
    let max = dated.iter().map(|p| p.2).max().unwrap_or(1).max(1);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x = |day: i64| LEFT + plot_w * (day - lo) as f64 / (hi - lo).max(1) as f64;
    let y = |n: u64| TOP + plot_h * (1.0 - n as f64 / max as f64);
    let base = TOP + plot_h;

    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="Quotes over time: {} days from {} to {}">"#,
        dated.len(),
        escape(dated.first().map_or("", |p| p.1)),
        escape(dated.last().map_or("", |p| p.1)),
    );
    // Gridlines at 0, half and full height, with the count on the left.
    for frac in [0.0, 0.5, 1.0] {
        let gy = TOP + plot_h * (1.0 - frac);
        let _ = write!(s, r#"<line class="grid" x1="{LEFT}" x2="{}" y1="{gy:.1}" y2="{gy:.1}"/>"#, WIDTH - RIGHT);
        let label = (max as f64 * frac).round() as u64;
        if frac > 0.0 && (frac == 1.0 || label != max) {
            let _ = write!(
                s,
                r#"<text class="tick" x="{}" y="{:.1}" text-anchor="end">{label}</text>"#,
                LEFT - 6.0,
                gy + 4.0
            );
        }
    }
    // Axis labels: years for long ranges, months for shorter ones, the two ends otherwise.
    for (day, label) in axis_labels(first, last) {
        let lx = x(day);
        let _ = write!(
            s,
            r#"<line class="axis" x1="{lx:.1}" x2="{lx:.1}" y1="{base:.1}" y2="{:.1}"/><text class="tick" x="{lx:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            base + 4.0,
            base + 18.0,
            escape(&label)
        );
    }
    for (day, date, n) in &dated {
        let (px, py) = (x(*day), y(*n));
        let _ = write!(
            s,
            r##"<a href="#d-{}"><line class="stem" x1="{px:.1}" x2="{px:.1}" y1="{base:.1}" y2="{py:.1}"/><circle class="dot" cx="{px:.1}" cy="{py:.1}" r="5"><title>{}: {n} quote{}</title></circle></a>"##,
            escape(date),
            escape(date),
            if *n == 1 { "" } else { "s" }
        );
    }
    s.push_str("</svg>");
    s
}

/// Tick positions and labels for the range `first..=last` (days).
fn axis_labels(first: i64, last: i64) -> Vec<(i64, String)> {
    let (fy, ly) = (year_of(first), year_of(last));
    if ly - fy >= 2 {
        let step = ((ly - fy) / 6).max(1);
        return (fy + 1..=ly)
            .step_by(step as usize)
            .filter_map(|y| day_number(&format!("{y:04}-01-01")).map(|d| (d, y.to_string())))
            .collect();
    }
    if last - first > 60 {
        let mut out = Vec::new();
        let (mut y, mut m) = ym_of(first);
        let months = (last - first) / 30;
        let step = (months / 6).max(1);
        let mut k = 0;
        loop {
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
            let Some(d) = day_number(&format!("{y:04}-{m:02}-01")) else { break };
            if d > last {
                break;
            }
            if k % step == 0 {
                out.push((d, format!("{} {y}", month_name(m))));
            }
            k += 1;
        }
        if !out.is_empty() {
            return out;
        }
    }
    let mut out = vec![(first, civil(first))];
    if last != first {
        out.push((last, civil(last)));
    }
    out
}

/// `(year, month, day)` of a day number (Hinnant's civil_from_days).
fn ymd(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn year_of(day: i64) -> i64 {
    ymd(day).0
}

fn ym_of(day: i64) -> (i64, i64) {
    let (y, m, _) = ymd(day);
    (y, m)
}

fn civil(day: i64) -> String {
    let (y, m, d) = ymd(day);
    format!("{d} {} {y}", month_name(m))
}

fn month_name(m: i64) -> &'static str {
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        .get((m - 1).clamp(0, 11) as usize)
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2019-09-18"), Some(18_157));
        assert_eq!(day_number("2019"), day_number("2019-01-01"));
        assert_eq!(day_number("2019-13-01"), None);
        assert_eq!(day_number("soon"), None);
        for d in [0, 18_157, -400, 40_000] {
            let (y, m, dd) = ymd(d);
            assert_eq!(day_number(&format!("{y:04}-{m:02}-{dd:02}")), Some(d));
        }
    }

    #[test]
    fn svg_has_a_dot_per_day_and_escapes() {
        let svg = timeline_svg(&[("2021-07-02".into(), 2), ("2022-01-05".into(), 1), ("bad<".into(), 3)]);
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(!svg.contains("bad<"));
        assert_eq!(timeline_svg(&[]), "");
    }
}
