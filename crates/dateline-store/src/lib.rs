//! The dateline store (stub; the store work fills it in).
