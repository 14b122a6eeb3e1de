//! Boilerplate found by looking across the articles of a run: a sentence
//! that stands, word for word, in many otherwise different articles is the
//! outlet's (a newsletter promotion, a sign-up prompt, a standing
//! disclaimer), not the story's, and goes from each of them. Web-corpus
//! tools treat text repeated across documents the same way (jusText and
//! boilerpipe's duplicate blocks, trafilatura's duplicate-line filter).
//!
//! The rule runs once the whole corpus is read (`input::load`), after the
//! per-line rules of `boilerplate.rs`, and not with `--keep-boilerplate`.
//! It is built so that it cannot take an article's own text:
//! - only sentences of at least [`MIN_WORDS`] words are compared (shorter
//!   ones, "He said no.", recur in text by chance);
//! - a sentence counts as repeated when it stands in at least
//!   [`threshold`] articles: 4, or 0.2% of the articles of a large run;
//!   articles with the same text count once;
//! - a quotation (a sentence that opens or closes with a quotation mark, or
//!   holds two) is someone's words, and stays;
//! - sentences that the same articles share four or more of are a
//!   background section or wire story those articles reuse, and stay
//!   ([`MIN_SHARED_SENTENCES`]), and so does a repeated sentence next to
//!   them that stands only in articles holding them (a further article
//!   worded it differently);
//! - consecutive repeated sentences of more than [`MAX_PASSAGE_WORDS`] words
//!   are a shared passage (wire copy, a background section an outlet
//!   reuses), and stay: promotions are a sentence or two;
//! - an article whose removable sentences would be most of its words
//!   ([`MAX_SHARE`]) is a syndicated copy, and keeps them, but for those
//!   that most of the articles holding them lose (a promotion on a page
//!   that is little else); it never loses all its words.
//!
//! One pass to cut the sentences, one to count them in a hash map, one to
//! remove: linear in the corpus (the per-article passes run in parallel).

use super::document::{sha256_hex, Document};
use super::paragraphs::paragraphs;
use crate::model::numbers::{count, int};
use crate::model::removed::{Removal, RemovalRule};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// Fewest words a sentence needs to be compared across articles.
pub const MIN_WORDS: usize = 6;

/// Most words of consecutive repeated sentences that still read as a
/// promotion block; a longer run is a shared passage and stays.
pub const MAX_PASSAGE_WORDS: usize = 80;

/// Fewest repeated sentences that the same articles share for them to be
/// shared text (a background section, a wire story) rather than a
/// promotion block, which is a sentence to three.
pub const MIN_SHARED_SENTENCES: usize = 4;

/// Largest share of an article's words the rule may remove; above it the
/// article is a copy of shared text and is left whole.
pub const MAX_SHARE: f64 = 0.5;

/// Articles a sentence must stand in to be removed: at least 4, and at
/// least 0.2% of the run's articles (8 of 3,788; 40 of 20,000), so that a
/// line of a speech that three transcripts give, or a quotation or wire
/// sentence that a few articles of a large corpus share, is not taken for
/// a promotion (an outlet's promotion stands in most of its articles).
pub fn threshold(articles: usize) -> usize {
    4.max(articles.div_ceil(500))
}

/// What the rule removed from a corpus, for the run's note.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Removed {
    /// Sentences removed, over all articles.
    pub sentences: usize,
    /// Articles that lost at least one.
    pub articles: usize,
    /// Articles a sentence had to stand in.
    pub threshold: usize,
    /// The removed sentences as first written, each with the number of
    /// articles it was removed from: most first, then in text order.
    pub most_removed: Vec<(String, usize)>,
}

/// The run's note on what [`remove`] took, or None when it took nothing:
/// how many sentences from how many articles, and the one removed most
/// often, so that a reader can check it is no text of the articles.
pub fn note(r: &Removed) -> Option<String> {
    let (example, n) = r.most_removed.first()?;
    let example: String = if example.chars().count() > 80 {
        let cut: String = example.chars().take(79).collect();
        format!("{}…", cut.trim_end())
    } else {
        example.clone()
    };
    Some(format!(
        "removed {} that stand word for word in {} or more different articles \
         (promotions, newsletter sign-ups; boilerplate_lines counts them) from {}; the most \
         frequent: \"{example}\" ({}); --keep-boilerplate keeps them",
        count(r.sentences, "sentence", "sentences"),
        int(r.threshold),
        count(r.articles, "article", "articles"),
        count(*n, "article", "articles"),
    ))
}

/// One sentence of an article: its byte span and its key.
#[derive(Debug, Clone, Copy)]
struct Unit {
    start: usize,
    end: usize,
    words: usize,
    /// XXH3 of the normalised sentence; 0 when it is not compared.
    key: u64,
    quoted: bool,
}

/// Removes the sentences repeated across `docs` (see the module doc) from
/// each article's text, counting each in its `boilerplate_lines` and
/// updating its hash. Returns what went.
pub fn remove(docs: &mut [Document]) -> Removed {
    let units: Vec<Vec<Unit>> = docs
        .par_iter()
        .map(|d| units_of(&d.text, &d.title))
        .collect();
    let threshold = threshold(docs.len());
    // In how many distinct texts each sentence stands.
    let mut count: FxHashMap<u64, usize> = FxHashMap::default();
    let mut texts: FxHashSet<&str> = FxHashSet::default();
    let mut distinct: Vec<(u32, Vec<u64>)> = Vec::new();
    for (i, (d, us)) in docs.iter().zip(&units).enumerate() {
        if !texts.insert(d.sha256.as_str()) {
            continue;
        }
        let mut keys: Vec<u64> = us.iter().map(|u| u.key).filter(|&k| k != 0).collect();
        keys.sort_unstable();
        keys.dedup();
        for &k in &keys {
            *count.entry(k).or_default() += 1;
        }
        distinct.push((i as u32, keys));
    }
    drop(texts);
    let shared = shared_text(&distinct, &units, &count, threshold);
    let repeated = |u: &Unit| {
        u.key != 0 && !u.quoted && count[&u.key] >= threshold && !shared.contains(&u.key)
    };
    let found: Vec<(Vec<Unit>, bool)> = docs
        .par_iter()
        .zip(&units)
        .map(|(d, us)| removable(&d.text, us, &repeated))
        .collect();
    // A sentence most of its articles lose is a promotion in the articles
    // that are mostly promotion too (a video page with only its caption and
    // the plug); one that most of them keep is a syndicated story's.
    let mut votes: FxHashMap<u64, (usize, usize)> = FxHashMap::default();
    for (cut, guarded) in &found {
        for u in cut {
            let v = votes.entry(u.key).or_default();
            if *guarded {
                v.1 += 1;
            } else {
                v.0 += 1;
            }
        }
    }
    let cuts: Vec<Vec<Unit>> = found
        .into_iter()
        .zip(docs.iter())
        .map(|((mut cut, guarded), d)| {
            if guarded {
                cut.retain(|u| {
                    let (lost, kept) = votes[&u.key];
                    lost > kept
                });
                // Never the whole text.
                let words: usize = cut.iter().map(|u| u.words).sum();
                if words >= d.text.split_whitespace().count() {
                    cut.clear();
                }
            }
            cut
        })
        .collect();
    let mut removed = Removed {
        threshold,
        ..Default::default()
    };
    // The removed sentences, by key: first wording seen and articles.
    let mut seen: FxHashMap<u64, usize> = FxHashMap::default();
    let mut listed: Vec<(String, usize)> = Vec::new();
    for (d, cut) in docs.iter_mut().zip(cuts) {
        if cut.is_empty() {
            continue;
        }
        removed.articles += 1;
        removed.sentences += cut.len();
        // Each sentence counts once per article (a copy may repeat one).
        let mut counted: Vec<u64> = Vec::with_capacity(cut.len());
        for u in &cut {
            if !counted.contains(&u.key) {
                counted.push(u.key);
                let i = *seen.entry(u.key).or_insert_with(|| {
                    listed.push((d.text[u.start..u.end].to_string(), 0));
                    listed.len() - 1
                });
                listed[i].1 += 1;
            }
        }
        d.removed.extend(
            cut.iter()
                .map(|u| Removal::new(RemovalRule::CrossArticle, &d.text[u.start..u.end])),
        );
        d.text = without(&d.text, &cut);
        d.sha256 = sha256_hex(d.text.as_bytes());
        d.boilerplate_lines += cut.len();
    }
    // Stable: ties keep the order the sentences were first met in.
    listed.sort_by_key(|l| std::cmp::Reverse(l.1));
    removed.most_removed = listed;
    removed
}

/// The repeated sentences that are shared text, not promotions: those
/// whose articles (exactly the same ones) share at least
/// [`MIN_SHARED_SENTENCES`] repeated sentences, as articles that reuse a
/// background section or one wire story do. Linear: each sentence's list of
/// articles is hashed, and the sentences with equal lists counted. A
/// repeated sentence next to shared text, all of whose articles hold that
/// text, is part of it too: a further article worded it differently (or
/// left it out), so it stands in fewer articles than the rest.
fn shared_text(
    distinct: &[(u32, Vec<u64>)],
    units: &[Vec<Unit>],
    count: &FxHashMap<u64, usize>,
    threshold: usize,
) -> FxHashSet<u64> {
    let mut holders: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (i, keys) in distinct {
        for k in keys.iter().filter(|k| count[*k] >= threshold) {
            holders.entry(*k).or_default().push(*i);
        }
    }
    let set_of = |h: &[u32]| {
        let bytes: Vec<u8> = h.iter().flat_map(|i| i.to_le_bytes()).collect();
        xxhash_rust::xxh3::xxh3_64(&bytes)
    };
    let mut sets: FxHashMap<u64, usize> = FxHashMap::default();
    let of_key: Vec<(u64, u64)> = holders.iter().map(|(k, h)| (*k, set_of(h))).collect();
    for (_, set) in &of_key {
        *sets.entry(*set).or_default() += 1;
    }
    let mut shared: FxHashSet<u64> = of_key
        .into_iter()
        .filter(|(_, set)| sets[set] >= MIN_SHARED_SENTENCES)
        .map(|(k, _)| k)
        .collect();
    if shared.is_empty() {
        return shared;
    }
    // Holders are in article order, so a subset is found by one merge.
    let within = |a: &[u32], b: &[u32]| {
        let mut b = b.iter();
        a.iter().all(|x| b.any(|y| y == x))
    };
    // Each article's compared sentences in order, taken once for every pass.
    let in_order: Vec<Vec<u64>> = distinct
        .iter()
        .map(|(i, _)| {
            units[*i as usize]
                .iter()
                .map(|u| u.key)
                .filter(|&k| k != 0)
                .collect()
        })
        .collect();
    loop {
        let mut more: Vec<u64> = Vec::new();
        for keys in &in_order {
            for w in keys.windows(2) {
                for (k, next_to) in [(w[0], w[1]), (w[1], w[0])] {
                    if !shared.contains(&k)
                        && shared.contains(&next_to)
                        && holders.contains_key(&k)
                        && within(&holders[&k], &holders[&next_to])
                    {
                        more.push(k);
                    }
                }
            }
        }
        let before = shared.len();
        shared.extend(more);
        if shared.len() == before {
            return shared;
        }
    }
}

/// The sentences of `text` the rule may remove, given which are repeated
/// (none of a run of repeated sentences longer than a promotion), and
/// whether they would be most of the article (a copy of shared text).
fn removable(text: &str, units: &[Unit], repeated: &impl Fn(&Unit) -> bool) -> (Vec<Unit>, bool) {
    let mut out: Vec<Unit> = Vec::new();
    let mut run: Vec<Unit> = Vec::new();
    let close = |run: &mut Vec<Unit>, out: &mut Vec<Unit>| {
        if run.iter().map(|u| u.words).sum::<usize>() <= MAX_PASSAGE_WORDS {
            out.append(run);
        }
        run.clear();
    };
    for u in units {
        if repeated(u) {
            run.push(*u);
        } else if u.key != 0 {
            // A sentence too short to compare neither ends a run nor adds to it.
            close(&mut run, &mut out);
        }
    }
    close(&mut run, &mut out);
    let cut: usize = out.iter().map(|u| u.words).sum();
    let total = text.split_whitespace().count();
    let guarded = cut as f64 > MAX_SHARE * total as f64;
    (out, guarded)
}

/// The sentences of each paragraph of `text` but the title's, in order.
fn units_of(text: &str, title: &str) -> Vec<Unit> {
    let title = title.trim();
    let mut out = Vec::new();
    for (a, b) in paragraphs(text) {
        if text[a..b].trim() == title {
            continue;
        }
        for (s, e) in sentences(&text[a..b]) {
            let t = &text[a + s..a + e];
            let words = t.split_whitespace().count();
            let key = if words >= MIN_WORDS {
                // Never 0: 0 marks a sentence that is not compared.
                xxhash_rust::xxh3::xxh3_64(normalised(t).as_bytes()).max(1)
            } else {
                0
            };
            out.push(Unit {
                start: a + s,
                end: a + e,
                words,
                key,
                quoted: quoted(t),
            });
        }
    }
    out
}

/// Characters that end a sentence.
const ENDS: &[char] = &['.', '!', '?', '…'];

/// Characters that may follow an end and still belong to its sentence.
const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];

/// Byte spans of the sentences of a paragraph: each ends at `.`, `!`, `?`
/// or `…` (with the quotation marks and brackets that close it) before
/// white space, or at the paragraph's end. Abbreviations split a sentence
/// too ("Dr."); the pieces are cut the same way in every article, so they
/// still compare. Not `text::sentences`, the scoring's splitter: the text
/// stage reads input's documents, so input using it would make an import
/// circle, and a comparison of pieces needs none of its abbreviation rules.
fn sentences(p: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = p.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if start.is_none() {
            if c.is_whitespace() {
                continue;
            }
            start = Some(i);
        }
        if ENDS.contains(&c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = chars.peek() {
                if ENDS.contains(&n) || CLOSERS.contains(&n) {
                    end = j + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if chars.peek().is_none_or(|&(_, n)| n.is_whitespace()) {
                out.push((start.take().unwrap_or(i), end));
            }
        }
    }
    if let Some(s) = start {
        out.push((s, p.trim_end().len()));
    }
    out
}

/// A sentence as compared: lower case, curly apostrophes and quotation
/// marks straight, white space single.
fn normalised(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            match c {
                '’' | '‘' => out.push('\''),
                '“' | '”' => out.push('"'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// Double quotation marks.
const QUOTES: &[char] = &['"', '“', '”', '«', '»'];

/// True when a sentence is (or holds) a quotation: it opens or closes with
/// a double quotation mark, or holds two. A lone mark inside ("more "sent
/// to your inbox", a dash damaged into a quotation mark) is no quotation.
fn quoted(s: &str) -> bool {
    let s = s.trim();
    s.starts_with(QUOTES)
        || s.trim_end_matches(ENDS).ends_with(QUOTES)
        || s.ends_with(QUOTES)
        || s.matches(QUOTES).count() >= 2
}

/// `text` without the sentences `cut` (in text order): each goes with the
/// white space after it (or before it, at a paragraph's end), and a line
/// left blank by it goes whole, so that no paragraph is split.
fn without(text: &str, cut: &[Unit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for u in cut {
        let (mut s, mut e) = (u.start, u.end);
        // The white space after it, up to the line's end.
        let after = &text[e..];
        let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
        if after[spaces..].starts_with('\n') || spaces == after.len() {
            // The sentence ends its line: the space before it goes instead.
            let before = &text[at.max(line_start(text, s))..s];
            s -= before.len() - before.trim_end_matches([' ', '\t']).len();
            if s == line_start(text, s) {
                // The line held only cut sentences: it goes with its break.
                e += spaces + usize::from(after[spaces..].starts_with('\n'));
            }
        } else {
            e += spaces;
        }
        if s >= at {
            out.push_str(&text[at..s]);
            at = e;
        } else {
            at = at.max(e);
        }
    }
    out.push_str(&text[at..]);
    out
}

/// The byte where the line holding `i` starts.
fn line_start(text: &str, i: usize) -> usize {
    text[..i].rfind('\n').map_or(0, |n| n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document {
            title: text.lines().next().unwrap_or("").to_string(),
            sha256: sha256_hex(text.as_bytes()),
            text: text.to_string(),
            ..Default::default()
        }
    }

    const PROMO: &str = "Our daily newsletter brings you the best stories straight to your inbox.";

    fn story(n: usize) -> String {
        format!(
            "Headline number {n} about the council\n\n\
             The council met on day {n} and agreed the plan for the bridge in a long session. \
             {PROMO} Residents said the road number {n} had been closed for weeks.\n"
        )
    }

    #[test]
    fn sentences_end_at_marks_before_space() {
        let p = "He said \"no.\" Then he left! Is it over? U.S. officials spoke. Learn more";
        let got: Vec<&str> = sentences(p).into_iter().map(|(a, b)| &p[a..b]).collect();
        assert_eq!(
            got,
            [
                "He said \"no.\"",
                "Then he left!",
                "Is it over?",
                "U.S.",
                "officials spoke.",
                "Learn more"
            ]
        );
        assert_eq!(sentences("  "), []);
        assert_eq!(sentences("3.5 per cent"), [(0, 12)]);
    }

    #[test]
    fn a_promotion_in_four_articles_goes_from_each_and_in_three_stays() {
        let mut three: Vec<Document> = (1..=3).map(|n| doc(&story(n))).collect();
        assert_eq!(remove(&mut three).sentences, 0);
        assert!(three[0].text.contains("newsletter"));
        let mut docs: Vec<Document> = (1..=4).map(|n| doc(&story(n))).collect();
        let r = remove(&mut docs);
        assert_eq!((r.sentences, r.articles, r.threshold), (4, 4, 4));
        assert_eq!(r.most_removed, [(PROMO.to_string(), 4)]);
        for (n, d) in docs.iter().enumerate() {
            assert_eq!(d.boilerplate_lines, 1);
            // removed.csv's row: the sentence as it stood.
            assert_eq!(d.removed, [Removal::new(RemovalRule::CrossArticle, PROMO)]);
            assert!(!d.text.contains("newsletter"), "{}", d.text);
            assert!(d.text.contains(&format!(
                "long session. Residents said the road number {}",
                n + 1
            )));
            assert_eq!(d.sha256, sha256_hex(d.text.as_bytes()));
        }
    }

    #[test]
    fn two_articles_are_not_enough() {
        let mut docs: Vec<Document> = (1..=2).map(|n| doc(&story(n))).collect();
        assert_eq!(remove(&mut docs).sentences, 0);
        assert!(docs[0].text.contains(PROMO));
    }

    #[test]
    fn the_same_text_counts_once() {
        let mut docs = vec![doc(&story(1)), doc(&story(1)), doc(&story(2))];
        assert_eq!(remove(&mut docs).sentences, 0);
    }

    #[test]
    fn threshold_grows_with_large_corpora() {
        assert_eq!(threshold(10), 4);
        assert_eq!(threshold(1500), 4);
        assert_eq!(threshold(2000), 4);
        assert_eq!(threshold(3788), 8);
        assert_eq!(threshold(20_000), 40);
    }

    #[test]
    fn quotations_stay() {
        let quote = "\"We will rebuild the bridge before the winter comes,\" the mayor said.";
        let mut docs: Vec<Document> = (1..=4)
            .map(|n| doc(&format!("Story {n} on the bridge works\n\nA report {n} came out today in the town hall. {quote}\n")))
            .collect();
        assert_eq!(remove(&mut docs).sentences, 0);
        assert!(quoted("“Never again.”"));
        assert!(quoted("He called it “a disgrace” in his speech."));
        assert!(!quoted(
            "HuffPost is your shop for news and more \"sent right to your inbox."
        ));
    }

    #[test]
    fn a_shared_passage_stays() {
        let passage = "The dam was built in 1968 and is the tallest in the country. \
                       Its spillway failed once before, in a storm that flooded three towns. \
                       Engineers had warned about erosion under the concrete for many years. \
                       A review in 2005 asked for repairs that were never carried out. \
                       The state says the repairs would cost more than a billion dollars. \
                       Officials have promised a new inquiry into the state of the structure. \
                       The inquiry will report to the state legislature by the end of next year.";
        assert!(passage.split_whitespace().count() > MAX_PASSAGE_WORDS);
        let mut docs: Vec<Document> = (1..=3)
            .map(|n| {
                doc(&format!(
                    "Evacuation number {n} ordered\n\n{}\n\n{passage}\n",
                    "Thousands of people left their homes today in the valley below the dam. "
                        .repeat(6 + n)
                ))
            })
            .collect();
        assert_eq!(remove(&mut docs).sentences, 0);
    }

    #[test]
    fn background_that_the_same_articles_share_stays() {
        // Four sentences of background, not consecutive, in the same three
        // articles: shared text. The promotion beside them, also in a
        // fourth article, goes.
        let bg = [
            "The border fence was built in 2015 along the whole southern frontier.",
            "More than a million people crossed the region that year on foot.",
            "Several countries brought back checks at their internal borders.",
            "Attempts to share out the arrivals among member states have failed.",
        ];
        let mut docs: Vec<Document> = (1..=3)
            .map(|n| {
                doc(&format!(
                    "Border story {n} today\n\n{} Police number {n} said so. {} A mayor {n} spoke here. \
                     {} Trains number {n} were late. {} {PROMO}\n",
                    bg[0], bg[1], bg[2], bg[3]
                ))
            })
            .collect();
        docs.push(doc(&story(4)));
        let r = remove(&mut docs);
        assert_eq!(r.most_removed, [(PROMO.to_string(), 4)]);
        assert!(bg.iter().all(|b| docs[0].text.contains(b)));
    }

    /// From a run on 300 articles about one war: five articles shared a
    /// background section, whose first sentence one of them worded
    /// differently; standing in four articles, not the five of the rest of
    /// the section, it was removed from each as a promotion.
    #[test]
    fn a_background_section_keeps_its_sentence_one_article_words_differently() {
        let first =
            "In late 2014, with the war in its fourth year, the exodus from the region grew.";
        let other =
            "In late 2014, as the war entered its fourth year, the exodus from the region grew.";
        let rest = [
            "Vast numbers of refugees had been gathering in camps across the border since 2011.",
            "By 2015 the camps were full and many people decided to seek asylum further away.",
            "Tens of thousands attempted the perilous journey across the sea on crowded boats.",
            "Fences were erected along the border and asylum laws were tightened in several countries.",
        ]
        .join(" ");
        let mut docs: Vec<Document> = (1..=5)
            .map(|n| {
                let opening = if n == 5 { other } else { first };
                doc(&format!(
                    "Story {n} from the front\n\nOfficials number {n} spoke on the day in question. \
                     {opening} {rest} {PROMO}\n"
                ))
            })
            .collect();
        // The promotion stands in a sixth article too: it is no part of the
        // section, though it follows it.
        docs.push(doc(&story(6)));
        let r = remove(&mut docs);
        assert_eq!(r.most_removed, [(PROMO.to_string(), 6)]);
        assert!(docs[..4].iter().all(|d| d.text.contains(first)));
        assert!(docs[4].text.contains(other) && docs[4].text.contains(&rest));
    }

    #[test]
    fn a_syndicated_copy_keeps_its_text() {
        // Three copies of one wire story, each with a different first line:
        // the shared sentences are most of each, so none goes.
        let wire = "The storm reached the coast early on Monday morning. \
                    Power was cut to thousands of homes across the region. \
                    Schools will stay closed until the roads are cleared again.";
        let mut docs: Vec<Document> = (1..=3)
            .map(|n| {
                doc(&format!(
                    "Storm hits coast, outlet {n}\n\nBy reporter {n}.\n\n{wire}\n"
                ))
            })
            .collect();
        assert_eq!(remove(&mut docs).sentences, 0);
        assert!(docs.iter().all(|d| d.text.contains(wire)));
    }

    #[test]
    fn a_page_of_little_but_a_promotion_loses_it() {
        let mut docs: Vec<Document> = (1..=3).map(|n| doc(&story(n))).collect();
        docs.push(doc(&format!("Video of the week\n\nWatch it. {PROMO}\n")));
        let r = remove(&mut docs);
        assert_eq!(r.most_removed, [(PROMO.to_string(), 4)]);
        assert_eq!(docs[3].text, "Video of the week\n\nWatch it.\n");
    }

    #[test]
    fn a_line_of_only_repeated_text_goes_whole() {
        let mut docs: Vec<Document> = (1..=4)
            .map(|n| {
                doc(&format!(
                    "Title {n} of the day\n\nThe first paragraph {n} of the story tells what happened here.\n\n\
                     {PROMO}\n\nThe last paragraph {n} of the story says what comes next for them.\n"
                ))
            })
            .collect();
        remove(&mut docs);
        assert_eq!(
            docs[0].text,
            "Title 1 of the day\n\nThe first paragraph 1 of the story tells what happened here.\n\n\
             \nThe last paragraph 1 of the story says what comes next for them.\n"
        );
        assert_eq!(paragraphs(&docs[0].text).len(), 3);
        // At a line's end the space before the sentence goes.
        let t = format!("Some words here. {PROMO}\nNext line.");
        let us = units_of(&t, "");
        assert_eq!(without(&t, &us[1..2]), "Some words here.\nNext line.");
        // The title line is never compared.
        assert!(units_of(&format!("{PROMO}\n\nText."), PROMO)
            .iter()
            .all(|u| u.start > 0));
    }

    #[test]
    fn normalised_ignores_case_space_and_curly_marks() {
        assert_eq!(
            normalised("Don’t  MISS\nout “now”"),
            normalised("don't miss out \"now\"")
        );
    }
}
