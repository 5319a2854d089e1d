//! Sentences and tokens (filled in next).
