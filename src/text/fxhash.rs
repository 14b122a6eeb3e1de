//! The fast, non-cryptographic hash of rustc (the `rustc-hash` crate) for
//! the hash maps of words and ids. The standard SipHash guards against
//! hash-flooding, which matters for servers, not for a local analysis of the
//! user's own files, and hashing every token with it dominated interning.
//! Hash values never reach any output (ids are given in order of first
//! occurrence and maps are never iterated into results), so the outputs do
//! not depend on the hash function.

pub use rustc_hash::{FxHashMap, FxHasher};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_finds_what_it_stored() {
        let mut m: FxHashMap<String, u32> = FxHashMap::default();
        for (i, w) in ["police", "polic", "", "a-longer-word-than-eight"]
            .iter()
            .enumerate()
        {
            m.insert(w.to_string(), i as u32);
        }
        assert_eq!(m.get("polic"), Some(&1));
        assert_eq!(m.get("a-longer-word-than-eight"), Some(&3));
        assert_eq!(m.get("nope"), None);
    }
}
