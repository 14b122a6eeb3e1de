//! A string interner for word forms: keys live zero-padded in one `u64`
//! arena (no allocation per key), are hashed a word at a time (the Fx
//! multiply-rotate, on the padded words the table stores) and compared a
//! word at a time, in an open-addressing table of ids. Ids count from 0 in insertion order. Hash
//! values never reach an output.

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Hash of a key given as zero-padded little-endian words and its byte length.
#[inline]
pub fn hash_words(words: &[u64], len: usize) -> u64 {
    let mut h = len as u64;
    for &w in words {
        h = (h.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
    // Mix the high bits (used for the slot) with the low ones.
    (h ^ (h >> 29)).wrapping_mul(SEED)
}

/// Number of `u64` words of a key of `len` bytes.
#[inline]
pub fn words_for(len: usize) -> usize {
    len.div_ceil(8)
}

/// Writes `s` into `buf` as zero-padded little-endian words; returns its hash.
pub fn key_of(s: &[u8], buf: &mut Vec<u64>) -> u64 {
    buf.clear();
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        buf.push(u64::from_le_bytes([
            c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
        ]));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        buf.push(u64::from_le_bytes(b));
    }
    hash_words(buf, s.len())
}

/// Word-by-word equality (slice `==` on `u64` calls `memcmp`).
#[inline]
fn same(a: &[u64], b: &[u64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// The interner.
#[derive(Debug, Clone)]
pub struct Interner {
    /// `(tag, first key word)`; tag 0 when empty, else
    /// `(hash bits << 40) | (byte length << 32) | (id + 1)`, so keys of up
    /// to 8 bytes are compared in the slot without touching the arena.
    slots: Vec<(u64, u64)>,
    shift: u32,
    list: KeyList,
}

impl Default for Interner {
    fn default() -> Self {
        Interner::with_capacity(0)
    }
}

impl Interner {
    /// An interner that holds `n` keys without growing its table.
    pub fn with_capacity(n: usize) -> Self {
        let cap = (n * 2).max(16).next_power_of_two();
        Interner {
            slots: vec![(0, 0); cap],
            shift: 64 - cap.trailing_zeros(),
            list: KeyList {
                arena: Vec::new(),
                keys: Vec::with_capacity(n),
                hashes: Vec::with_capacity(n),
            },
        }
    }

    /// Number of keys.
    #[inline]
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True when no key was added.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Hash of key `id`.
    #[inline]
    pub fn hash(&self, id: u32) -> u64 {
        self.list.hash(id)
    }

    /// Words and byte length of key `id`.
    #[inline]
    pub fn key(&self, id: u32) -> (&[u64], usize) {
        self.list.key(id)
    }

    /// Bytes of key `id`.
    pub fn bytes(&self, id: u32) -> Vec<u8> {
        self.list.bytes(id)
    }

    /// Hash bits and length, compared before the key words.
    #[inline]
    fn tag(h: u64, len: usize) -> u64 {
        ((h & 0xFF_FFFF) << 40) | ((len.min(255) as u64) << 32)
    }

    #[inline]
    fn matches(&self, slot: (u64, u64), tag: u64, words: &[u64], len: usize) -> Option<u32> {
        if slot.0 & 0xFFFF_FFFF_0000_0000 != tag || slot.1 != words.first().copied().unwrap_or(0) {
            return None;
        }
        let id = (slot.0 as u32) - 1;
        if len <= 8 {
            return Some(id);
        }
        let (at, klen) = self.list.keys[id as usize];
        let at = at as usize;
        (klen as usize == len && same(&self.list.arena[at + 1..at + words.len()], &words[1..]))
            .then_some(id)
    }

    /// Id of the key, if present.
    #[inline]
    pub fn find(&self, words: &[u64], len: usize, h: u64) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let tag = Self::tag(h, len);
        let mut i = (h >> self.shift) as usize;
        loop {
            let s = self.slots[i];
            if s.0 == 0 {
                return None;
            }
            if let Some(id) = self.matches(s, tag, words, len) {
                return Some(id);
            }
            i = (i + 1) & mask;
        }
    }

    /// Id of the key, adding it if new; the flag is true when it was added.
    #[inline]
    pub fn intern(&mut self, words: &[u64], len: usize, h: u64) -> (u32, bool) {
        let mask = self.slots.len() - 1;
        let tag = Self::tag(h, len);
        let mut i = (h >> self.shift) as usize;
        loop {
            let s = self.slots[i];
            if s.0 == 0 {
                break;
            }
            if let Some(id) = self.matches(s, tag, words, len) {
                return (id, false);
            }
            i = (i + 1) & mask;
        }
        let id = self.list.keys.len() as u32;
        self.slots[i] = (tag | (id as u64 + 1), words.first().copied().unwrap_or(0));
        self.list.push(words, len, h);
        if self.list.len() * 2 > self.slots.len() {
            self.grow();
        }
        (id, true)
    }

    /// Moves the keys out (in id order, with their hashes) and empties the
    /// interner but keeps its table: a worker that interns one run of text
    /// after another then reuses the same memory instead of taking fresh
    /// pages for every run, which on a virtual machine cost a fault and a
    /// zeroing each.
    pub fn take_keys(&mut self) -> KeyList {
        self.slots.fill((0, 0));
        let fresh = KeyList {
            arena: Vec::with_capacity(self.list.arena.len()),
            keys: Vec::with_capacity(self.list.keys.len()),
            hashes: Vec::with_capacity(self.list.keys.len()),
        };
        std::mem::replace(&mut self.list, fresh)
    }

    /// Id of a string, if present.
    pub fn find_str(&self, s: &str, buf: &mut Vec<u64>) -> Option<u32> {
        let h = key_of(s.as_bytes(), buf);
        self.find(buf, s.len(), h)
    }

    fn grow(&mut self) {
        let cap = self.slots.len() * 2;
        self.shift = 64 - cap.trailing_zeros();
        self.slots = vec![(0, 0); cap];
        let mask = cap - 1;
        for (id, &h) in self.list.hashes.iter().enumerate() {
            let mut i = (h >> self.shift) as usize;
            while self.slots[i].0 != 0 {
                i = (i + 1) & mask;
            }
            let (at, len) = self.list.keys[id];
            let first = if len == 0 {
                0
            } else {
                self.list.arena[at as usize]
            };
            self.slots[i] = (Self::tag(h, len as usize) | (id as u64 + 1), first);
        }
    }
}

/// The keys of an interner without its table, as [`Interner::take_keys`]
/// leaves them: ids, words and hashes as they were.
#[derive(Debug, Clone, Default)]
pub struct KeyList {
    arena: Vec<u64>,
    /// (first word in `arena`, byte length) of each key.
    keys: Vec<(u32, u32)>,
    hashes: Vec<u64>,
}

impl KeyList {
    /// Number of keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when there is no key.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Hash of key `id`.
    #[inline]
    pub fn hash(&self, id: u32) -> u64 {
        self.hashes[id as usize]
    }

    /// Words and byte length of key `id`.
    #[inline]
    pub fn key(&self, id: u32) -> (&[u64], usize) {
        let (at, len) = self.keys[id as usize];
        let at = at as usize;
        (&self.arena[at..at + words_for(len as usize)], len as usize)
    }

    /// Adds a key given as words, byte length and hash.
    #[inline]
    fn push(&mut self, words: &[u64], len: usize, h: u64) {
        self.keys.push((self.arena.len() as u32, len as u32));
        self.arena.extend_from_slice(words);
        self.hashes.push(h);
    }

    /// Bytes of key `id`.
    pub fn bytes(&self, id: u32) -> Vec<u8> {
        let (words, len) = self.key(id);
        let mut v: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
        v.truncate(len);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_stored_in_order() {
        let mut it = Interner::default();
        let mut buf = Vec::new();
        let words: Vec<String> = (0..5000)
            .map(|i| format!("w{i}{}", "x".repeat(i % 23)))
            .chain(["".to_string(), "a".into(), "a\0".into()])
            .collect();
        for (i, w) in words.iter().enumerate() {
            let h = key_of(w.as_bytes(), &mut buf);
            assert_eq!(it.intern(&buf.clone(), w.len(), h), (i as u32, true));
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(it.find_str(w, &mut buf), Some(i as u32));
            assert_eq!(it.bytes(i as u32), w.as_bytes());
            let h = key_of(w.as_bytes(), &mut buf);
            assert_eq!(it.intern(&buf.clone(), w.len(), h), (i as u32, false));
        }
        assert_eq!(it.find_str("nope", &mut buf), None);
        assert_eq!(it.len(), words.len());
    }

    #[test]
    fn take_keys_hands_over_the_keys_and_starts_afresh() {
        let mut it = Interner::with_capacity(4);
        let mut buf = Vec::new();
        let first = ["threat", "a", "reassurance-of-the-public", "threat"];
        for w in first {
            let h = key_of(w.as_bytes(), &mut buf);
            it.intern(&buf.clone(), w.len(), h);
        }
        let list = it.take_keys();
        assert_eq!(list.len(), 3);
        assert_eq!(list.bytes(2), b"reassurance-of-the-public");
        assert_eq!(list.hash(0), key_of(b"threat", &mut buf));
        assert!(it.is_empty());
        assert_eq!(it.find_str("threat", &mut buf), None);
        let h = key_of(b"a", &mut buf);
        assert_eq!(it.intern(&buf.clone(), 1, h), (0, true));
        assert_eq!(it.bytes(0), b"a");
    }
}
