//! Keys from many lists interned together on all cores: the table is split
//! into shards by hash bits, each shard interns its own keys from every
//! list in list order, and ids are then given in order of first occurrence
//! across the lists, exactly as one table fed the lists in turn would give
//! them. Used to merge the tokeniser workers' word tables and to number the
//! stems; one serial table took 0.1-0.3 s of the tokenise stage at 100,000
//! articles with the second core idle.

use super::intern::{key_of, Interner, KeyList};
use rayon::prelude::*;

/// Number of shards: more than the cores so that the work balances; the
/// ids do not depend on it.
const SHARDS: usize = 16;

/// Shard of a key: hash bits that neither the slot index (the top bits) nor
/// the tag (the low 24) uses.
#[inline]
fn shard_of(h: u64) -> usize {
    ((h >> 24) as usize) & (SHARDS - 1)
}

/// A look-up table over the merged keys.
#[derive(Debug, Clone)]
pub struct ShardedIndex {
    shards: Vec<Interner>,
    /// Id of each key of each shard.
    ids: Vec<Vec<u32>>,
}

impl Default for ShardedIndex {
    fn default() -> Self {
        ShardedIndex {
            shards: (0..SHARDS).map(|_| Interner::default()).collect(),
            ids: vec![Vec::new(); SHARDS],
        }
    }
}

impl ShardedIndex {
    /// Id of a string, if present.
    pub fn find_str(&self, s: &str, buf: &mut Vec<u64>) -> Option<u32> {
        let h = key_of(s.as_bytes(), buf);
        let shard = shard_of(h);
        self.shards[shard]
            .find(buf, s.len(), h)
            .map(|k| self.ids[shard][k as usize])
    }
}

/// The result of [`merge`].
#[derive(Debug, Default)]
pub struct Merged {
    /// Look-up of every distinct key.
    pub index: ShardedIndex,
    /// For each list, the id of each of its keys.
    pub remaps: Vec<Vec<u32>>,
    /// For each id, (list, position in the list) of its first occurrence.
    pub first: Vec<(u32, u32)>,
}

/// Interns the keys of `lists` taken in order (a key may repeat, within a
/// list or across lists): ids count from 0 in order of first occurrence.
pub fn merge(lists: &[&KeyList]) -> Merged {
    // Positions of each list's keys, by shard.
    let buckets: Vec<Vec<Vec<u32>>> = lists
        .par_iter()
        .map(|list| {
            let mut b = vec![Vec::new(); SHARDS];
            for l in 0..list.len() as u32 {
                b[shard_of(list.hash(l))].push(l);
            }
            b
        })
        .collect();
    // Each shard on its own: its table, the shard-local id of each of its
    // keys in each list, and where each shard-local id first occurred.
    type ShardWork = (Interner, Vec<Vec<u32>>, Vec<(u32, u32)>);
    let shards: Vec<ShardWork> = (0..SHARDS)
        .into_par_iter()
        .map(|s| {
            let mut table = Interner::default();
            let mut firsts = Vec::new();
            let local: Vec<Vec<u32>> = lists
                .iter()
                .zip(&buckets)
                .enumerate()
                .map(|(c, (list, b))| {
                    b[s].iter()
                        .map(|&l| {
                            let (words, len) = list.key(l);
                            let (k, new) = table.intern(words, len, list.hash(l));
                            if new {
                                firsts.push((c as u32, l));
                            }
                            k
                        })
                        .collect()
                })
                .collect();
            (table, local, firsts)
        })
        .collect();
    // The first occurrences in each list, in list order: ids are given
    // list by list, and within a list by position.
    let mut new_in: Vec<Vec<u32>> = vec![Vec::new(); lists.len()];
    for (_, _, firsts) in &shards {
        for &(c, l) in firsts {
            new_in[c as usize].push(l);
        }
    }
    new_in.par_iter_mut().for_each(|v| v.sort_unstable());
    let mut base = Vec::with_capacity(lists.len());
    let mut total = 0u32;
    for v in &new_in {
        base.push(total);
        total += v.len() as u32;
    }
    let ids: Vec<Vec<u32>> = shards
        .par_iter()
        .map(|(_, _, firsts)| {
            firsts
                .iter()
                .map(|&(c, l)| {
                    let c = c as usize;
                    base[c] + new_in[c].partition_point(|&x| x < l) as u32
                })
                .collect()
        })
        .collect();
    let remaps: Vec<Vec<u32>> = (0..lists.len())
        .into_par_iter()
        .map(|c| {
            let mut remap = vec![0u32; lists[c].len()];
            for (s, (_, local, _)) in shards.iter().enumerate() {
                for (&l, &k) in buckets[c][s].iter().zip(&local[c]) {
                    remap[l as usize] = ids[s][k as usize];
                }
            }
            remap
        })
        .collect();
    let first = new_in
        .iter()
        .enumerate()
        .flat_map(|(c, v)| v.iter().map(move |&l| (c as u32, l)))
        .collect();
    Merged {
        index: ShardedIndex {
            shards: shards.into_iter().map(|(t, _, _)| t).collect(),
            ids,
        },
        remaps,
        first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::bootstrap::pieces_text;
    use rand_xoshiro::rand_core::SeedableRng;

    fn key_lists(lists: &[Vec<String>]) -> Vec<KeyList> {
        let mut buf = Vec::new();
        lists
            .iter()
            .map(|words| {
                let mut list = KeyList::default();
                for w in words {
                    list.push_str(w, &mut buf);
                }
                list
            })
            .collect()
    }

    #[test]
    fn gives_the_ids_one_table_would_give() {
        let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(7);
        let pieces = ["a", "b", "threat", "calm", "x", "police", "-", "é"];
        let lists: Vec<Vec<String>> = (0..40)
            .map(|i| {
                (0..(i * 7) % 60)
                    .map(|_| pieces_text(&mut rng, &pieces, 3))
                    .collect()
            })
            .collect();
        let keys = key_lists(&lists);
        let refs: Vec<&KeyList> = keys.iter().collect();
        let m = merge(&refs);
        // Reference: one table, fed every list in order.
        let mut one = Interner::default();
        let mut buf = Vec::new();
        let mut first = Vec::new();
        for (c, list) in keys.iter().enumerate() {
            assert_eq!(m.remaps[c].len(), list.len());
            for l in 0..list.len() as u32 {
                let (words, len) = list.key(l);
                let (id, new) = one.intern(words, len, list.hash(l));
                if new {
                    first.push((c as u32, l));
                }
                assert_eq!(m.remaps[c][l as usize], id, "list {c} key {l}");
            }
        }
        assert!(one.len() > 100, "{}", one.len());
        assert_eq!(m.first, first);
        for id in 0..one.len() as u32 {
            let s = String::from_utf8(one.bytes(id)).unwrap();
            assert_eq!(m.index.find_str(&s, &mut buf), Some(id), "{s}");
        }
        assert_eq!(m.index.find_str("not-there", &mut buf), None);
    }

    #[test]
    fn empty_input_gives_an_empty_index() {
        let m = merge(&[]);
        assert!(m.remaps.is_empty() && m.first.is_empty());
        assert_eq!(m.index.find_str("a", &mut Vec::new()), None);
        let empty = KeyList::default();
        let m = merge(&[&empty, &empty]);
        assert_eq!(m.remaps, vec![Vec::<u32>::new(); 2]);
    }
}
