//! Records written through `ParquetSink` read back, in order, with every nested value in place,
//! in one row group per `ROW_GROUP_ROWS` records.

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use dateline_analyze::{
    Amount, Analysis, Dateline, Entity, EntityType, Geo, Mention, MentionVia, Quote, QuoteKind, SourceRef, Span,
    SpeakerMention, SpeakerTone, TimeExpr, Tone,
};
use dateline_parquet::{ParquetSink, ROW_GROUP_ROWS};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

fn source(i: usize) -> SourceRef {
    SourceRef {
        path: Some("feed.jsonl".into()),
        url: i.is_multiple_of(2).then(|| format!("https://news.example.com/{i}")),
        format: dateline_analyze::Format::Jsonl,
        record: Some(i.to_string()),
    }
}

/// Record `i`: every third has no dateline and no tone; the others have `i % 4` quotes.
fn record(i: usize) -> Analysis {
    let text = format!("NAIROBI - Officials said on Tuesday that {i} tonnes of maize were shipped, Grace Ndegwa said.");
    let mut a = Analysis::bare(&text, source(i));
    a.published = Some(if i.is_multiple_of(5) { "2024-03".to_string() } else { "2024-03-05".to_string() });
    if !i.is_multiple_of(3) {
        a.dateline = Some(Dateline {
            place: Some("Nairobi".into()),
            country: Some("KE".into()),
            sources: vec!["Wire".into(); i % 3],
            date: None,
            span: Span(0, 9),
        });
        a.tone = Some(Tone {
            score: i as f64 / 10.0,
            word_count: i,
            speakers: vec![SpeakerTone {
                speaker: "e1".into(),
                name: Some("Grace Ndegwa".into()),
                quotes: i % 4,
                tone: 0.5,
            }],
            ..Tone::default()
        });
    }
    a.entities = vec![
        Entity {
            id: "e1".into(),
            name: "Grace Ndegwa".into(),
            kind: EntityType::Person,
            title: None,
            role: Some("spokeswoman".into()),
            country: None,
            geo: None,
            mentions: vec![
                Mention { text: "Grace Ndegwa".into(), span: Span(70, 82), via: None },
                Mention { text: "she".into(), span: Span(90, 93), via: Some(MentionVia::Coreference) },
            ],
        },
        Entity {
            id: "e2".into(),
            name: "Nairobi".into(),
            kind: EntityType::Gpe,
            title: None,
            role: None,
            country: Some("KE".into()),
            geo: Some(Geo { lat: -1.28, lon: 36.82, geonames_id: 184_745, country: "KE".into() }),
            mentions: vec![Mention { text: "NAIROBI".into(), span: Span(0, 7), via: None }],
        },
    ];
    a.quotes = (0..i % 4)
        .map(|q| Quote {
            speaker: (q % 2 == 0).then(|| "e1".into()),
            speaker_name: (q % 2 == 0).then(|| "Grace Ndegwa".into()),
            speaker_affiliation: (q == 1).then(|| "e3".into()),
            speaker_mention: (q % 2 == 0).then(|| SpeakerMention { text: "Grace Ndegwa".into(), span: Span(70, 82) }),
            kind: QuoteKind::Indirect,
            cue: Some("said".into()),
            content: format!("quote {q} of {i}"),
            span: Span(q, q + 5),
            confidence: 0.75,
            tone: Some(-0.25),
        })
        .collect();
    a.times = vec![TimeExpr { text: "on Tuesday".into(), value: "2024-03-05".into(), span: Span(20, 30) }];
    // Every third record's amount is money: its currency code is kept beside the unit.
    let money = i.is_multiple_of(3);
    a.amounts = vec![Amount {
        text: if money { format!("${i}") } else { format!("{i} tonnes") },
        value: i as f64,
        unit: Some(if money { "dollars" } else { "tonnes" }.into()),
        currency: money.then(|| "USD".into()),
        qualifier: None,
        about: None,
        span: Span(35, 45),
    }];
    a
}

#[test]
fn records_read_back_in_order_with_nested_values() {
    let n = ROW_GROUP_ROWS * 2 + 7;
    let records: Vec<Analysis> = (0..n).map(record).collect();
    let mut sink = ParquetSink::new(Vec::new()).expect("sink");
    for r in records.iter().cloned() {
        sink.push(r).expect("push");
    }
    let (rows, bytes) = sink.finish().expect("finish");
    assert_eq!(rows, n as u64);

    let builder = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(bytes)).expect("parquet file");
    assert_eq!(builder.metadata().num_row_groups(), 3, "one row group per {ROW_GROUP_ROWS} records");
    assert_eq!(builder.schema().fields(), dateline_parquet::schema().fields());
    let batches: Vec<RecordBatch> = builder.build().expect("reader").collect::<Result<_, _>>().expect("batches");
    let mut i = 0;
    for batch in &batches {
        let col = |name: &str| batch.column_by_name(name).expect(name).clone();
        let ids = col("id");
        let ids = ids.as_string::<i32>();
        let urls = col("url");
        let urls = urls.as_string::<i32>();
        let dates = col("published_date");
        let dates = dates.as_primitive::<Date32Type>();
        let dateline = col("dateline");
        let dateline = dateline.as_struct();
        let entities = col("entities");
        let entities = entities.as_list::<i32>();
        let quotes = col("quotes");
        let quotes = quotes.as_list::<i32>();
        let tone = col("tone");
        let tone = tone.as_struct();
        let amounts = col("amounts");
        let amounts = amounts.as_list::<i32>();
        for row in 0..batch.num_rows() {
            let r = &records[i];
            assert_eq!(ids.value(row), r.id);
            assert_eq!(urls.is_null(row), r.source.url.is_none());
            // 2024-03-05 is day 19,787; a month alone has no date.
            assert_eq!(dates.is_null(row), i % 5 == 0);
            if i % 5 != 0 {
                assert_eq!(dates.value(row), 19_787);
            }
            assert_eq!(dateline.is_null(row), r.dateline.is_none(), "row {i}");
            if let Some(d) = &r.dateline {
                let sources = dateline.column_by_name("sources").expect("sources").as_list::<i32>().value(row);
                assert_eq!(sources.len(), d.sources.len());
            }
            let e = entities.value(row);
            let e = e.as_struct();
            assert_eq!(e.len(), 2);
            assert_eq!(e.column_by_name("name").expect("name").as_string::<i32>().value(1), "Nairobi");
            assert_eq!(e.column_by_name("geonames_id").expect("id").as_primitive::<Int64Type>().value(1), 184_745);
            assert!(e.column_by_name("lat").expect("lat").is_null(0));
            let mentions = e.column_by_name("mentions").expect("mentions").as_list::<i32>();
            let m0 = mentions.value(0);
            let m0 = m0.as_struct();
            assert_eq!(m0.len(), 2);
            assert_eq!(m0.column_by_name("via").expect("via").as_string::<i32>().value(1), "coreference");
            assert_eq!(m0.column_by_name("end").expect("end").as_primitive::<Int64Type>().value(0), 82);
            let q = quotes.value(row);
            let q = q.as_struct();
            assert_eq!(q.len(), r.quotes.len());
            for (k, quote) in r.quotes.iter().enumerate() {
                let content = q.column_by_name("content").expect("content").as_string::<i32>().value(k);
                assert_eq!(content, quote.content);
                let speaker = q.column_by_name("speaker_name").expect("speaker");
                assert_eq!(speaker.is_null(k), quote.speaker_name.is_none());
                let affiliation = q.column_by_name("speaker_affiliation").expect("speaker_affiliation");
                assert_eq!(affiliation.is_null(k), quote.speaker_affiliation.is_none());
                if let Some(a) = &quote.speaker_affiliation {
                    assert_eq!(affiliation.as_string::<i32>().value(k), a);
                }
            }
            assert_eq!(tone.is_null(row), r.tone.is_none());
            if let Some(t) = &r.tone {
                let score = tone.column_by_name("score").expect("score").as_primitive::<Float64Type>().value(row);
                assert_eq!(score, t.score);
                let speakers = tone.column_by_name("speakers").expect("speakers").as_list::<i32>().value(row);
                let quotes_n =
                    speakers.as_struct().column_by_name("quotes").expect("quotes").as_primitive::<Int64Type>();
                assert_eq!(quotes_n.value(0), (i % 4) as i64);
            }
            let a = amounts.value(row);
            let value = a.as_struct().column_by_name("value").expect("value").as_primitive::<Float64Type>().value(0);
            assert_eq!(value, i as f64);
            let currency = a.as_struct().column_by_name("currency").expect("currency");
            assert_eq!(currency.is_null(0), !i.is_multiple_of(3), "row {i}");
            if i.is_multiple_of(3) {
                assert_eq!(currency.as_string::<i32>().value(0), "USD");
            }
            i += 1;
        }
    }
    assert_eq!(i, n);
}

#[test]
fn an_empty_export_is_a_valid_file_with_the_schema() {
    let (rows, bytes) = ParquetSink::new(Vec::new()).expect("sink").finish().expect("finish");
    assert_eq!(rows, 0);
    let builder = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(bytes)).expect("parquet file");
    assert_eq!(builder.metadata().file_metadata().num_rows(), 0);
    assert_eq!(builder.schema().fields(), dateline_parquet::schema().fields());
}

#[test]
fn ipc_stream_holds_the_same_rows() {
    let records: Vec<Analysis> = (0..10).map(record).collect();
    let bytes = dateline_parquet::to_ipc_stream(&records).expect("ipc");
    let reader = arrow_ipc::reader::StreamReader::try_new(std::io::Cursor::new(bytes), None).expect("stream");
    let batches: Vec<RecordBatch> = reader.collect::<Result<_, _>>().expect("batches");
    assert_eq!(batches.iter().map(RecordBatch::num_rows).sum::<usize>(), 10);
    let ids = batches[0].column_by_name("id").expect("id").as_string::<i32>().clone();
    assert_eq!(ids.value(9), records[9].id);
}
