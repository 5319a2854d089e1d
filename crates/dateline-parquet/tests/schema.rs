//! The Parquet schema is frozen: any change of a column (name, type, nullability, order) fails
//! here, and must come with a new `SCHEMA_VERSION` and an updated docs/EXPORTS.md.

use arrow_schema::{DataType, Field};

fn dump(field: &Field, prefix: &str, out: &mut Vec<String>) {
    let path = if prefix.is_empty() { field.name().clone() } else { format!("{prefix}.{}", field.name()) };
    let null = if field.is_nullable() { "null" } else { "not null" };
    match field.data_type() {
        DataType::List(item) => {
            out.push(format!("{path}: list {null}"));
            dump(item, &path, out);
        }
        DataType::Struct(fields) => {
            out.push(format!("{path}: struct {null}"));
            for f in fields {
                dump(f, &path, out);
            }
        }
        other => out.push(format!("{path}: {other} {null}")),
    }
}

#[test]
fn schema_is_frozen() {
    let schema = dateline_parquet::schema();
    let mut lines = Vec::new();
    for f in schema.fields() {
        dump(f, "", &mut lines);
    }
    let expected = include_str!("schema.txt");
    let got = lines.join("\n") + "\n";
    assert_eq!(
        got, expected,
        "the Parquet schema changed: bump SCHEMA_VERSION, update tests/schema.txt and docs/EXPORTS.md"
    );
    assert_eq!(
        schema.metadata().get("dateline.schema_version").map(String::as_str),
        Some(dateline_parquet::SCHEMA_VERSION)
    );
    assert_eq!(dateline_parquet::SCHEMA_VERSION, "3");
}
