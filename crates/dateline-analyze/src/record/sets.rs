//! The closed sets of the record: entity types, quote kinds, stage names, how a mention was
//! linked, an amount's qualifier.
//!
//! Each is an enum whose serde name is the exact text the JSON has always carried (and the store
//! keeps in its columns), so records stay byte-identical while code compares variants instead of
//! strings. Reading a value outside a set (a stored record, a request parameter) is an error that
//! names the value, never a panic: a record is refused by serde ("unknown variant `X`, expected
//! one of ..."), a parameter by [`FromStr`] ([`AnalyzeError::UnknownValue`]).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::AnalyzeError;

/// Declares a closed set: the enum with one serde name per variant, and its `ALL`, `as_str`,
/// `Display` and `FromStr`, all from the one list of names.
macro_rules! closed_set {
    (
        $(#[$meta:meta])*
        $name:ident ($what:literal) {
            $( $(#[$vmeta:meta])* $variant:ident = $text:tt, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name the record and the store write.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The value named exactly `text`, if there is one.
            pub fn parse(text: &str) -> Option<$name> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = AnalyzeError;

            fn from_str(text: &str) -> Result<$name, AnalyzeError> {
                $name::parse(text).ok_or_else(|| AnalyzeError::UnknownValue {
                    what: $what,
                    value: text.to_string(),
                })
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
    };
}

closed_set! {
    /// The type of a named entity (OntoNotes names). The order is the entity stage's: it breaks
    /// ties between type votes, so it must not change.
    EntityType ("entity type") {
        /// People.
        Person = "PERSON",
        /// Organisations: companies, agencies, parties, teams.
        Org = "ORG",
        /// Geopolitical entities: countries, regions, cities.
        Gpe = "GPE",
        /// Other places: camps, rivers, unknown places.
        Loc = "LOC",
        /// Nationalities, religious and political groups ("Kenyan").
        Norp = "NORP",
        /// Facilities: airports, bridges, buildings.
        Fac = "FAC",
        /// Named events.
        Event = "EVENT",
    }
}

impl EntityType {
    /// A place of some kind (GPE, LOC or FAC): what the gazetteer may geocode.
    pub fn is_place(self) -> bool {
        matches!(self, EntityType::Gpe | EntityType::Loc | EntityType::Fac)
    }
}

closed_set! {
    /// How a quote is reported.
    QuoteKind ("quote kind") {
        /// Quote marks around the speaker's words.
        Direct = "direct",
        /// Reported speech ("he said that ...").
        Indirect = "indirect",
        /// A quoted phrase inside reported speech.
        Partial = "partial",
    }
}

closed_set! {
    /// A stage of the analysis, as `skipped_stages` and `truncated_stages` name it.
    Stage ("stage") {
        /// Named entities.
        Entities = "entities",
        /// Quotes and speakers.
        Quotes = "quotes",
        /// Time expressions.
        Times = "times",
        /// Amounts.
        Amounts = "amounts",
        /// Tone.
        Tone = "tone",
    }
}

closed_set! {
    /// How a mention was linked to its entity when not by its name.
    MentionVia ("mention link") {
        /// A definite description linked by its title noun ("the minister").
        Coreference = "coreference",
        /// A definite speaker phrase the quote stage resolved ("the harbour chief said").
        Speaker = "speaker",
    }
}

closed_set! {
    /// What the words before an amount say about the figure.
    Qualifier ("amount qualifier") {
        /// "about", "some", "roughly", "an estimated".
        Approximately = "approximately",
        /// "more than", "over", "upwards of".
        MoreThan = "more than",
        /// "less than", "under", "nearly".
        LessThan = "less than",
        /// "at least", "no fewer than".
        AtLeast = "at least",
        /// "at most", "up to", "as many as".
        AtMost = "at most",
        /// "exactly", "precisely".
        Exactly = "exactly",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    /// Every value's JSON is its quoted name and reads back; the text is what the record has
    /// always carried.
    #[test]
    fn names_round_trip_through_json() -> TestResult {
        fn check<T>(all: &[T]) -> TestResult
        where
            T: Serialize + for<'a> Deserialize<'a> + PartialEq + fmt::Debug + Copy + AsRef<str>,
        {
            for &v in all {
                let json = serde_json::to_string(&v)?;
                assert_eq!(json, format!("\"{}\"", v.as_ref()));
                assert_eq!(serde_json::from_str::<T>(&json)?, v);
            }
            Ok(())
        }
        check(EntityType::ALL)?;
        check(QuoteKind::ALL)?;
        check(Stage::ALL)?;
        check(MentionVia::ALL)?;
        check(Qualifier::ALL)?;
        assert_eq!(serde_json::to_string(&Qualifier::MoreThan)?, "\"more than\"");
        assert_eq!(serde_json::to_string(&EntityType::Gpe)?, "\"GPE\"");
        Ok(())
    }

    /// An unknown value is an error naming it, from JSON and from a parameter alike.
    #[test]
    fn unknown_values_are_errors_naming_them() {
        let err = serde_json::from_str::<EntityType>("\"PRODUCT\"").map_err(|e| e.to_string());
        assert!(err.as_ref().is_err_and(|e| e.contains("PRODUCT")), "{err:?}");
        let err = "person".parse::<EntityType>().map_err(|e| e.to_string());
        assert_eq!(err, Err("unknown entity type \"person\"".to_string()));
        assert!("quoted".parse::<QuoteKind>().is_err());
        assert_eq!("partial".parse::<QuoteKind>().ok(), Some(QuoteKind::Partial));
    }

    /// The entity stage breaks ties between type votes by this order: it must stay the order
    /// the stage had before the type moved into the record.
    #[test]
    fn entity_types_keep_the_stage_order() {
        let names: Vec<&str> = EntityType::ALL.iter().map(|t| t.as_str()).collect();
        assert_eq!(names, ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"]);
        assert!(EntityType::Person < EntityType::Event);
    }
}
