//! General English lexicons the recogniser's features read (and the entity stage shares):
//! nationality adjectives and plurals with their country, person titles, organisation head words.
//! Lists only the entity stage's rules read live with those rules (`dateline-analyze`,
//! `entities/lexicon.rs`).
//!
//! Written for this project from general knowledge (no third-party list copied); they name no
//! particular article's people or places.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::features::Fnv;

/// Nationality adjectives and group nouns (lowercase) with the ISO 3166-1 alpha-2 code of the
/// country they point to (`""` for groups with no single country).
pub const DEMONYMS: &[(&str, &str)] = &[
    ("afghan", "AF"),
    ("afghans", "AF"),
    ("albanian", "AL"),
    ("albanians", "AL"),
    ("algerian", "DZ"),
    ("algerians", "DZ"),
    ("american", "US"),
    ("americans", "US"),
    ("angolan", "AO"),
    ("argentine", "AR"),
    ("argentinian", "AR"),
    ("argentinians", "AR"),
    ("armenian", "AM"),
    ("armenians", "AM"),
    ("australian", "AU"),
    ("australians", "AU"),
    ("austrian", "AT"),
    ("austrians", "AT"),
    ("azerbaijani", "AZ"),
    ("azeri", "AZ"),
    ("bahraini", "BH"),
    ("bangladeshi", "BD"),
    ("bangladeshis", "BD"),
    ("belarusian", "BY"),
    ("belgian", "BE"),
    ("belgians", "BE"),
    ("bolivian", "BO"),
    ("bosnian", "BA"),
    ("bosnians", "BA"),
    ("brazilian", "BR"),
    ("brazilians", "BR"),
    ("british", "GB"),
    ("briton", "GB"),
    ("britons", "GB"),
    ("bulgarian", "BG"),
    ("bulgarians", "BG"),
    ("burmese", "MM"),
    ("cambodian", "KH"),
    ("cameroonian", "CM"),
    ("canadian", "CA"),
    ("canadians", "CA"),
    ("chadian", "TD"),
    ("chilean", "CL"),
    ("chileans", "CL"),
    ("chinese", "CN"),
    ("colombian", "CO"),
    ("colombians", "CO"),
    ("congolese", "CD"),
    ("croatian", "HR"),
    ("croatians", "HR"),
    ("croat", "HR"),
    ("croats", "HR"),
    ("cuban", "CU"),
    ("cubans", "CU"),
    ("cypriot", "CY"),
    ("cypriots", "CY"),
    ("czech", "CZ"),
    ("czechs", "CZ"),
    ("danish", "DK"),
    ("dane", "DK"),
    ("danes", "DK"),
    ("dutch", "NL"),
    ("ecuadorian", "EC"),
    ("egyptian", "EG"),
    ("egyptians", "EG"),
    ("emirati", "AE"),
    ("emiratis", "AE"),
    ("english", "GB"),
    ("eritrean", "ER"),
    ("eritreans", "ER"),
    ("estonian", "EE"),
    ("ethiopian", "ET"),
    ("ethiopians", "ET"),
    ("filipino", "PH"),
    ("filipinos", "PH"),
    ("finnish", "FI"),
    ("finn", "FI"),
    ("finns", "FI"),
    ("french", "FR"),
    ("georgian", "GE"),
    ("georgians", "GE"),
    ("german", "DE"),
    ("germans", "DE"),
    ("ghanaian", "GH"),
    ("greek", "GR"),
    ("greeks", "GR"),
    ("guatemalan", "GT"),
    ("haitian", "HT"),
    ("haitians", "HT"),
    ("honduran", "HN"),
    ("hungarian", "HU"),
    ("hungarians", "HU"),
    ("icelandic", "IS"),
    ("indian", "IN"),
    ("indians", "IN"),
    ("indonesian", "ID"),
    ("indonesians", "ID"),
    ("iranian", "IR"),
    ("iranians", "IR"),
    ("iraqi", "IQ"),
    ("iraqis", "IQ"),
    ("irish", "IE"),
    ("israeli", "IL"),
    ("israelis", "IL"),
    ("italian", "IT"),
    ("italians", "IT"),
    ("ivorian", "CI"),
    ("jamaican", "JM"),
    ("japanese", "JP"),
    ("jordanian", "JO"),
    ("jordanians", "JO"),
    ("kazakh", "KZ"),
    ("kazakhstani", "KZ"),
    ("kenyan", "KE"),
    ("kenyans", "KE"),
    ("korean", "KR"),
    ("koreans", "KR"),
    ("kosovar", "XK"),
    ("kuwaiti", "KW"),
    ("kyrgyz", "KG"),
    ("lao", "LA"),
    ("laotian", "LA"),
    ("latvian", "LV"),
    ("lebanese", "LB"),
    ("liberian", "LR"),
    ("libyan", "LY"),
    ("libyans", "LY"),
    ("lithuanian", "LT"),
    ("macedonian", "MK"),
    ("malagasy", "MG"),
    ("malawian", "MW"),
    ("malaysian", "MY"),
    ("malaysians", "MY"),
    ("malian", "ML"),
    ("maltese", "MT"),
    ("mauritanian", "MR"),
    ("mexican", "MX"),
    ("mexicans", "MX"),
    ("moldovan", "MD"),
    ("mongolian", "MN"),
    ("montenegrin", "ME"),
    ("moroccan", "MA"),
    ("moroccans", "MA"),
    ("mozambican", "MZ"),
    ("namibian", "NA"),
    ("nepalese", "NP"),
    ("nepali", "NP"),
    ("new zealander", "NZ"),
    ("nicaraguan", "NI"),
    ("nigerian", "NG"),
    ("nigerians", "NG"),
    ("nigerien", "NE"),
    ("norwegian", "NO"),
    ("norwegians", "NO"),
    ("omani", "OM"),
    ("pakistani", "PK"),
    ("pakistanis", "PK"),
    ("palestinian", "PS"),
    ("palestinians", "PS"),
    ("panamanian", "PA"),
    ("paraguayan", "PY"),
    ("peruvian", "PE"),
    ("peruvians", "PE"),
    ("polish", "PL"),
    ("pole", "PL"),
    ("poles", "PL"),
    ("portuguese", "PT"),
    ("qatari", "QA"),
    ("qataris", "QA"),
    ("romanian", "RO"),
    ("romanians", "RO"),
    ("russian", "RU"),
    ("russians", "RU"),
    ("rwandan", "RW"),
    ("rwandans", "RW"),
    ("salvadoran", "SV"),
    ("saudi", "SA"),
    ("saudis", "SA"),
    ("scottish", "GB"),
    ("scot", "GB"),
    ("scots", "GB"),
    ("senegalese", "SN"),
    ("serbian", "RS"),
    ("serb", "RS"),
    ("serbs", "RS"),
    ("singaporean", "SG"),
    ("slovak", "SK"),
    ("slovenian", "SI"),
    ("somali", "SO"),
    ("somalis", "SO"),
    ("south african", "ZA"),
    ("spanish", "ES"),
    ("spaniard", "ES"),
    ("spaniards", "ES"),
    ("sri lankan", "LK"),
    ("sudanese", "SD"),
    ("swedish", "SE"),
    ("swede", "SE"),
    ("swedes", "SE"),
    ("swiss", "CH"),
    ("syrian", "SY"),
    ("syrians", "SY"),
    ("taiwanese", "TW"),
    ("tajik", "TJ"),
    ("tanzanian", "TZ"),
    ("thai", "TH"),
    ("tibetan", "CN"),
    ("tunisian", "TN"),
    ("tunisians", "TN"),
    ("turkish", "TR"),
    ("turk", "TR"),
    ("turks", "TR"),
    ("turkmen", "TM"),
    ("ugandan", "UG"),
    ("ugandans", "UG"),
    ("ukrainian", "UA"),
    ("ukrainians", "UA"),
    ("uruguayan", "UY"),
    ("uzbek", "UZ"),
    ("venezuelan", "VE"),
    ("venezuelans", "VE"),
    ("vietnamese", "VN"),
    ("welsh", "GB"),
    ("yemeni", "YE"),
    ("yemenis", "YE"),
    ("zambian", "ZM"),
    ("zimbabwean", "ZW"),
    ("zimbabweans", "ZW"),
    ("european", ""),
    ("europeans", ""),
    ("african", ""),
    ("africans", ""),
    ("asian", ""),
    ("asians", ""),
    ("arab", ""),
    ("arabs", ""),
    ("kurdish", ""),
    ("kurd", ""),
    ("kurds", ""),
    ("latino", ""),
    ("latinos", ""),
    ("hispanic", ""),
    ("western", ""),
    ("soviet", ""),
    ("muslim", ""),
    ("muslims", ""),
    ("christian", ""),
    ("christians", ""),
    ("jewish", ""),
    ("jew", ""),
    ("jews", ""),
    ("catholic", ""),
    ("catholics", ""),
    ("protestant", ""),
    ("sunni", ""),
    ("sunnis", ""),
    ("shia", ""),
    ("shiite", ""),
    ("shiites", ""),
    ("hindu", ""),
    ("hindus", ""),
    ("buddhist", ""),
    ("buddhists", ""),
    ("sikh", ""),
    ("sikhs", ""),
    ("democrat", ""),
    ("democrats", ""),
    ("republican", ""),
    ("republicans", ""),
    ("conservative", ""),
    ("conservatives", ""),
    ("pashtun", ""),
    ("baloch", ""),
    ("uighur", ""),
    ("uyghur", ""),
    ("rohingya", ""),
    ("yazidi", ""),
    ("alawite", ""),
    ("druze", ""),
    ("palestinian-israeli", ""),
];

/// Titles and honorifics that precede a person's name (lowercase, without the final period).
pub const PERSON_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "reverend",
    "father",
    "sister",
    "brother",
    "rabbi",
    "imam",
    "sheikh",
    "pope",
    "cardinal",
    "bishop",
    "archbishop",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "sultan",
    "emir",
    "president",
    "vice-president",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "ambassador",
    "envoy",
    "governor",
    "gov",
    "mayor",
    "senator",
    "sen",
    "congressman",
    "congresswoman",
    "representative",
    "rep",
    "judge",
    "justice",
    "speaker",
    "commissioner",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "chief",
    "ceo",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "gen",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "major",
    "maj",
    "captain",
    "capt",
    "cpt",
    "sergeant",
    "sgt",
    "corporal",
    "cpl",
    "admiral",
    "adm",
    "commander",
    "cmdr",
    "brigadier",
    "brig",
    "marshal",
    "field",
    "private",
    "pvt",
    "officer",
    "detective",
    "inspector",
    "superintendent",
    "coach",
    "manager",
    "leader",
    "head",
    "deputy",
    "acting",
    "former",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "prime",
    "attorney",
    "vice",
];

/// Words that end or head organisation names (lowercase).
pub const ORG_WORDS: &[&str] = &[
    "organization",
    "organisation",
    "committee",
    "council",
    "agency",
    "ministry",
    "department",
    "university",
    "college",
    "institute",
    "association",
    "union",
    "party",
    "forces",
    "army",
    "navy",
    "corps",
    "command",
    "company",
    "corporation",
    "corp",
    "corp.",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "llc",
    "group",
    "bank",
    "fund",
    "foundation",
    "commission",
    "authority",
    "office",
    "bureau",
    "service",
    "services",
    "court",
    "parliament",
    "assembly",
    "congress",
    "senate",
    "federation",
    "league",
    "club",
    "society",
    "airlines",
    "airways",
    "news",
    "times",
    "post",
    "press",
    "network",
    "front",
    "movement",
    "brigade",
    "brigades",
    "coalition",
    "alliance",
    "center",
    "centre",
    "board",
    "police",
    "guard",
    "tribunal",
    "school",
    "hospital",
];

/// The country code of a nationality adjective or group noun (`Some("")` for groups with no
/// single country), case-insensitive.
pub fn demonym(word: &str) -> Option<&'static str> {
    // (this runs on every capitalised word of an article: one hash lookup, no allocation)
    let hit = |w: &str| with_ascii_lowercase(w, |lower| DEMONYM_MAP.get(lower).copied()).flatten();
    if word.is_ascii() {
        hit(word)
    } else {
        hit(&word.to_lowercase())
    }
}

/// True for a person title or honorific (`Col.`, `President`), case-insensitive.
pub fn is_person_title(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.is_ascii() {
        return with_ascii_lowercase(w, |lower| TITLE_SET.contains(lower)).unwrap_or(false);
    }
    let w = w.to_lowercase();
    PERSON_TITLES.contains(&w.as_str())
}

/// The longest key of the lexicon tables; longer words are in none of them.
const MAX_KEY: usize = 40;

/// Calls `f` with `w` ASCII-lowercased in a stack buffer; `None` when `w` is longer than any key
/// or the lowercase form is not UTF-8 (never, for ASCII).
fn with_ascii_lowercase<T>(w: &str, f: impl FnOnce(&str) -> T) -> Option<T> {
    let mut buf = [0u8; MAX_KEY];
    let lower = buf.get_mut(..w.len())?;
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok().map(f)
}

/// [`DEMONYMS`] by ASCII-lowercased word, the first entry of a word winning as a linear search
/// would have it.
static DEMONYM_MAP: LazyLock<WordMap<&'static str>> = LazyLock::new(|| {
    let mut map = WordMap::default();
    for &(w, code) in DEMONYMS {
        map.entry(w.to_ascii_lowercase()).or_insert(code);
    }
    map
});

/// [`PERSON_TITLES`], ASCII-lowercased.
static TITLE_SET: LazyLock<HashSet<String, BuildHasherDefault<WordHasher>>> =
    LazyLock::new(|| PERSON_TITLES.iter().map(|t| t.to_ascii_lowercase()).collect());

/// A table keyed by words, hashed with [`WordHasher`].
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// FNV-1a for tables keyed by words: their keys are fixed lists of short words, so SipHash's
/// guard against crafted collisions buys nothing there and would cost most of a lookup.
pub struct WordHasher(Fnv);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(Fnv::start())
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0 .0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0.byte(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(demonym("Syrian"), Some("SY"));
        assert_eq!(demonym("Kurdish"), Some(""));
        assert_eq!(demonym("table"), None);
        assert!(is_person_title("Col."));
        assert!(!is_person_title("table"));
    }
}
