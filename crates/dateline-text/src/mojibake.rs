//! Mojibake repair (stub; the text issue fills it in).
