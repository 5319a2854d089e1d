//! Column builders: each nested list is built flat (child values of every row in one array,
//! plus the lengths that become list offsets), so one batch costs one pass over the records.

use std::sync::Arc;

use arrow_array::{ArrayRef, Date32Array, Float32Array, Float64Array, Int64Array, ListArray, StringArray, StructArray};
use arrow_buffer::{NullBuffer, OffsetBuffer};
use arrow_schema::{DataType, Fields};
use dateline_analyze::{Analysis, MentionVia, Qualifier, Span};

use crate::{
    amount_fields, dateline_fields, entity_fields, item, mention_fields, quote_fields, speaker_tone_fields,
    time_fields, tone_fields,
};

fn strs<'a>(v: impl IntoIterator<Item = Option<&'a str>>) -> ArrayRef {
    Arc::new(v.into_iter().collect::<StringArray>())
}

fn ints(v: impl IntoIterator<Item = Option<i64>>) -> ArrayRef {
    Arc::new(v.into_iter().collect::<Int64Array>())
}

fn floats(v: impl IntoIterator<Item = Option<f64>>) -> ArrayRef {
    Arc::new(v.into_iter().collect::<Float64Array>())
}

fn off(x: usize) -> i64 {
    i64::try_from(x).unwrap_or(i64::MAX)
}

fn starts(spans: &[Span]) -> ArrayRef {
    ints(spans.iter().map(|s| Some(off(s.0))))
}

fn ends(spans: &[Span]) -> ArrayRef {
    ints(spans.iter().map(|s| Some(off(s.1))))
}

/// A list column of structs from the flat child arrays and each row's length.
fn list_of_structs(fields: Fields, children: Vec<ArrayRef>, lengths: Vec<usize>) -> ArrayRef {
    let values = StructArray::new(fields.clone(), children, None);
    Arc::new(ListArray::new(
        Arc::new(item(DataType::Struct(fields))),
        OffsetBuffer::from_lengths(lengths),
        Arc::new(values),
        None,
    ))
}

/// A list column of strings.
fn list_of_strs<'a, T: AsRef<str> + 'a>(rows: impl IntoIterator<Item = &'a [T]>) -> ArrayRef {
    let mut lengths = Vec::new();
    let mut values = Vec::new();
    for row in rows {
        lengths.push(row.len());
        values.extend(row.iter().map(|s| Some(s.as_ref())));
    }
    Arc::new(ListArray::new(Arc::new(item(DataType::Utf8)), OffsetBuffer::from_lengths(lengths), strs(values), None))
}

/// Days since 1970-01-01 of an ISO 8601 value starting with a full `YYYY-MM-DD` date.
pub(crate) fn date32(iso: &str) -> Option<i32> {
    let b = iso.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = b.get(r)?;
        s.iter().all(u8::is_ascii_digit).then(|| s.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d < 1 || d > month_days[(m - 1) as usize] {
        return None;
    }
    // Days from civil (proleptic Gregorian), after H. Hinnant's algorithm.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i32::try_from(era * 146_097 + doe - 719_468).ok()
}

fn dateline_column(records: &[Analysis]) -> ArrayRef {
    let d = || records.iter().map(|a| a.dateline.as_ref());
    let valid: Vec<bool> = d().map(|x| x.is_some()).collect();
    let empty: &[String] = &[];
    let children = vec![
        strs(d().map(|x| x.and_then(|x| x.place.as_deref()))),
        strs(d().map(|x| x.and_then(|x| x.country.as_deref()))),
        list_of_strs(d().map(|x| x.map_or(empty, |x| x.sources.as_slice()))),
        strs(d().map(|x| x.and_then(|x| x.date.as_deref()))),
        ints(d().map(|x| Some(x.map_or(0, |x| off(x.span.0))))),
        ints(d().map(|x| Some(x.map_or(0, |x| off(x.span.1))))),
    ];
    Arc::new(StructArray::new(dateline_fields(), children, Some(NullBuffer::from(valid))))
}

fn entities_column(records: &[Analysis]) -> ArrayRef {
    let lengths = records.iter().map(|a| a.entities.len()).collect();
    let e = || records.iter().flat_map(|a| a.entities.iter());
    let mention_lengths = e().map(|x| x.mentions.len()).collect();
    let m = || e().flat_map(|x| x.mentions.iter());
    let spans: Vec<Span> = m().map(|x| x.span).collect();
    let mentions = list_of_structs(
        mention_fields(),
        vec![
            strs(m().map(|x| Some(x.text.as_str()))),
            starts(&spans),
            ends(&spans),
            strs(m().map(|x| x.via.map(MentionVia::as_str))),
        ],
        mention_lengths,
    );
    let children = vec![
        strs(e().map(|x| Some(x.id.as_str()))),
        strs(e().map(|x| Some(x.name.as_str()))),
        strs(e().map(|x| Some(x.kind.as_str()))),
        strs(e().map(|x| x.title.as_deref())),
        strs(e().map(|x| x.role.as_deref())),
        strs(e().map(|x| x.country.as_deref())),
        floats(e().map(|x| x.geo.as_ref().map(|g| g.lat))),
        floats(e().map(|x| x.geo.as_ref().map(|g| g.lon))),
        ints(e().map(|x| x.geo.as_ref().map(|g| i64::try_from(g.geonames_id).unwrap_or(i64::MAX)))),
        mentions,
    ];
    list_of_structs(entity_fields(), children, lengths)
}

fn quotes_column(records: &[Analysis]) -> ArrayRef {
    let lengths = records.iter().map(|a| a.quotes.len()).collect();
    let q = || records.iter().flat_map(|a| a.quotes.iter());
    let spans: Vec<Span> = q().map(|x| x.span).collect();
    let sm = || q().map(|x| x.speaker_mention.as_ref());
    let children = vec![
        strs(q().map(|x| Some(x.kind.as_str()))),
        strs(q().map(|x| x.cue.as_deref())),
        strs(q().map(|x| Some(x.content.as_str()))),
        starts(&spans),
        ends(&spans),
        strs(q().map(|x| x.speaker.as_deref())),
        strs(q().map(|x| x.speaker_name.as_deref())),
        strs(sm().map(|x| x.map(|m| m.text.as_str()))),
        ints(sm().map(|x| x.map(|m| off(m.span.0)))),
        ints(sm().map(|x| x.map(|m| off(m.span.1)))),
        Arc::new(q().map(|x| Some(x.confidence)).collect::<Float32Array>()),
        floats(q().map(|x| x.tone)),
        strs(q().map(|x| x.speaker_affiliation.as_deref())),
    ];
    list_of_structs(quote_fields(), children, lengths)
}

fn times_column(records: &[Analysis]) -> ArrayRef {
    let lengths = records.iter().map(|a| a.times.len()).collect();
    let t = || records.iter().flat_map(|a| a.times.iter());
    let spans: Vec<Span> = t().map(|x| x.span).collect();
    let children = vec![
        strs(t().map(|x| Some(x.text.as_str()))),
        strs(t().map(|x| Some(x.value.as_str()))),
        starts(&spans),
        ends(&spans),
    ];
    list_of_structs(time_fields(), children, lengths)
}

fn amounts_column(records: &[Analysis]) -> ArrayRef {
    let lengths = records.iter().map(|a| a.amounts.len()).collect();
    let t = || records.iter().flat_map(|a| a.amounts.iter());
    let spans: Vec<Span> = t().map(|x| x.span).collect();
    let children = vec![
        strs(t().map(|x| Some(x.text.as_str()))),
        floats(t().map(|x| Some(x.value))),
        strs(t().map(|x| x.unit.as_deref())),
        strs(t().map(|x| x.currency.as_deref())),
        strs(t().map(|x| x.qualifier.map(Qualifier::as_str))),
        strs(t().map(|x| x.about.as_deref())),
        starts(&spans),
        ends(&spans),
    ];
    list_of_structs(amount_fields(), children, lengths)
}

fn tone_column(records: &[Analysis]) -> ArrayRef {
    let t = || records.iter().map(|a| a.tone.as_ref());
    let valid: Vec<bool> = t().map(|x| x.is_some()).collect();
    let num = |f: fn(&dateline_analyze::Tone) -> f64| floats(t().map(|x| Some(x.map_or(0.0, f))));
    let speaker_lengths = t().map(|x| x.map_or(0, |x| x.speakers.len())).collect();
    let s = || t().flat_map(|x| x.into_iter().flat_map(|x| x.speakers.iter()));
    let speakers = list_of_structs(
        speaker_tone_fields(),
        vec![
            strs(s().map(|x| Some(x.speaker.as_str()))),
            strs(s().map(|x| x.name.as_deref())),
            ints(s().map(|x| Some(off(x.quotes)))),
            floats(s().map(|x| Some(x.tone))),
        ],
        speaker_lengths,
    );
    let children = vec![
        num(|x| x.score),
        num(|x| x.positive),
        num(|x| x.negative),
        num(|x| x.polarity),
        num(|x| x.activity_density),
        num(|x| x.self_group_density),
        ints(t().map(|x| Some(x.map_or(0, |x| off(x.word_count))))),
        num(|x| x.compound),
        speakers,
    ];
    Arc::new(StructArray::new(tone_fields(), children, Some(NullBuffer::from(valid))))
}

/// The columns of [`crate::schema`], in order.
pub(crate) fn build(records: &[Analysis]) -> Vec<ArrayRef> {
    let r = || records.iter();
    vec![
        strs(r().map(|a| Some(a.id.as_str()))),
        strs(r().map(|a| a.source.url.as_deref())),
        strs(r().map(|a| a.source.path.as_deref())),
        strs(r().map(|a| Some(a.source.format.as_str()))),
        strs(r().map(|a| a.source.record.as_deref())),
        strs(r().map(|a| Some(a.language.as_str()))),
        Arc::new(r().map(|a| a.language_confidence).collect::<Float32Array>()),
        strs(r().map(|a| a.title.as_deref())),
        strs(r().map(|a| a.author.as_deref())),
        strs(r().map(|a| a.published.as_deref())),
        Arc::new(r().map(|a| a.published.as_deref().and_then(date32)).collect::<Date32Array>()),
        dateline_column(records),
        strs(r().map(|a| Some(a.text.as_str()))),
        list_of_strs(r().map(|a| a.skipped_stages.as_slice())),
        list_of_strs(r().map(|a| a.truncated_stages.as_slice())),
        entities_column(records),
        quotes_column(records),
        times_column(records),
        amounts_column(records),
        tone_column(records),
        strs(r().map(|a| a.fingerprint.as_ref().map(|f| f.minhash.as_str()))),
    ]
}

#[cfg(test)]
mod tests {
    use super::date32;

    #[test]
    fn dates_become_days_since_the_epoch() {
        assert_eq!(date32("1970-01-01"), Some(0));
        assert_eq!(date32("2000-03-01"), Some(11_017));
        assert_eq!(date32("2019-09-18T10:00:00Z"), Some(18_157));
        assert_eq!(date32("1969-12-31"), Some(-1));
        assert_eq!(date32("2024-02-29"), Some(19_782));
        assert_eq!(date32("2023-02-29"), None);
        assert_eq!(date32("2019-09"), None);
        assert_eq!(date32("2019"), None);
        assert_eq!(date32("2019-13-01"), None);
        assert_eq!(date32("2019-09-180"), None);
        assert_eq!(date32("x"), None);
        assert_eq!(date32(""), None);
    }
}
