//! Whether headlines lean to a frame more than article bodies do: the
//! frame's share of all frame matches in the headlines against its share in
//! the bodies, pooled over the articles (as the report's headline, lead and
//! body table pools them), with a bootstrap interval of the difference
//! (articles resampled with their headline and body together).
//!
//! A share, not a rate per 1,000 words: headlines hold few function words
//! ("the", "of", "a"), so every frame is denser in them per word, and a
//! headline rate three times the body's says little on its own. The share
//! compares the frames with each other, which cancels that.

use crate::model::{Analysis, ArticleResult};
use crate::stats::resample::{below, cmp_values, content_order, percentile_pair, rng};

/// The headline and body sides of one frame, pooled over the articles.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadlineShare {
    /// Articles with both a headline and a body.
    pub articles: usize,
    /// The frame's matches in those headlines, and all frames' matches there.
    pub headline: (f64, f64),
    /// The frame's matches in those bodies, and all frames' matches there.
    pub body: (f64, f64),
    /// 95% bootstrap interval of `headline_share() - body_share()`; `None`
    /// with fewer than 2 articles or no resamples.
    pub interval: Option<(f64, f64)>,
}

impl HeadlineShare {
    /// The frame's share of the frame matches in the headlines.
    pub fn headline_share(&self) -> f64 {
        self.headline.0 / self.headline.1
    }

    /// The frame's share of the frame matches in the bodies.
    pub fn body_share(&self) -> f64 {
        self.body.0 / self.body.1
    }
}

/// One article's (frame, all frames) matches and words in its headline and body.
struct Sides {
    headline: [f64; 3],
    body: [f64; 3],
}

/// The article's headline and body, when it has both: an article without a
/// headline (or a body) would add matches to one side only, and the two
/// shares would then come from different articles.
fn sides(art: &ArticleResult, frame: usize) -> Option<Sides> {
    let part = |name: &str| -> [f64; 3] {
        art.positions
            .iter()
            .find(|p| p.part == name && p.words > 0)
            .map_or([0.0; 3], |p| {
                let own = p.hits.get(frame).copied().unwrap_or(0.0);
                [own, p.hits.iter().sum(), p.words as f64]
            })
    };
    let s = Sides {
        headline: part("headline"),
        body: part("body"),
    };
    (s.headline[2] > 0.0 && s.body[2] > 0.0).then_some(s)
}

/// Whether the comparison reads `art`: it has both a headline and a body
/// (the report's table of parts gives its frame share over these too).
pub fn has_both(art: &ArticleResult) -> bool {
    sides(art, 0).is_some()
}

/// The frame's matches and all frames' matches in the headlines, then in
/// the bodies, pooled over `articles` (for a part of the corpus, such as a
/// cluster).
pub fn pooled<'a>(articles: impl IntoIterator<Item = &'a ArticleResult>, frame: usize) -> [f64; 4] {
    articles
        .into_iter()
        .filter_map(|art| sides(art, frame))
        .fold([0.0; 4], |acc, s| {
            [
                acc[0] + s.headline[0],
                acc[1] + s.headline[1],
                acc[2] + s.body[0],
                acc[3] + s.body[1],
            ]
        })
}

/// The comparison for frame `frame` (index into `Analysis::frames`), or
/// `None` when fewer than two frames are in use, or no headline or no body
/// holds a frame match (no share to compare).
pub fn compare(a: &Analysis, frame: usize, resamples: usize) -> Option<HeadlineShare> {
    if a.frames.len() < 2 || frame >= a.frames.len() {
        return None;
    }
    // In content order, as the groups' draws are (`resample::content_order`),
    // so that renaming the files leaves the interval as it was.
    let (keys, unordered): (Vec<&str>, Vec<Sides>) = a
        .articles
        .iter()
        .filter_map(|art| Some((art.sha256.as_str(), sides(art, frame)?)))
        .unzip();
    let flat = |s: &Sides| [s.headline, s.body].concat();
    let order = content_order(&keys, &unordered, |x, y| cmp_values(&flat(x), &flat(y)));
    let rows: Vec<&Sides> = order.iter().map(|&i| &unordered[i]).collect();
    let matched = |pick: fn(&Sides) -> f64| rows.iter().any(|s| pick(s) > 0.0);
    if !matched(|s| s.headline[1]) || !matched(|s| s.body[1]) {
        return None;
    }
    let t = pooled(&a.articles, frame);
    let interval = (rows.len() >= 2 && resamples > 0).then(|| {
        let mut g = rng(a.parameters.seed, "headline-share");
        let n = rows.len();
        let mut diffs: Vec<f64> = (0..resamples)
            .map(|_| {
                let (mut hf, mut ha, mut bf, mut ba) = (0.0, 0.0, 0.0, 0.0);
                for _ in 0..n {
                    let s = &rows[below(&mut g, n)];
                    hf += s.headline[0];
                    ha += s.headline[1];
                    bf += s.body[0];
                    ba += s.body[1];
                }
                // A draw of only articles without frame words on a side has
                // no share there (possible in a tiny corpus): left out.
                hf / ha - bf / ba
            })
            .filter(|d: &f64| d.is_finite())
            .collect();
        percentile_pair(&mut diffs, 0.025, 0.975)
    });
    Some(HeadlineShare {
        articles: rows.len(),
        headline: (t[0], t[1]),
        body: (t[2], t[3]),
        interval,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PositionScore;

    /// An analysis of articles given as (headline, body) hits of two frames,
    /// with 10 headline words and 100 body words each.
    fn analysis(rows: &[([f64; 2], [f64; 2])]) -> Analysis {
        let mut a = crate::model::example(rows.len());
        a.frames = vec!["threat".into(), "economic".into()];
        for (art, (h, b)) in a.articles.iter_mut().zip(rows) {
            let part = |name: &str, hits: [f64; 2], words: usize| PositionScore {
                part: name.into(),
                words,
                hits: hits.to_vec(),
                ..Default::default()
            };
            art.positions = vec![
                part("headline", *h, 10),
                part("lead", [0.0, 0.0], 30),
                part("body", *b, 100),
            ];
        }
        a
    }

    #[test]
    fn shares_pool_the_articles_and_the_interval_is_seeded() {
        // Headlines: threat 3 of 4 matches; bodies: 2 of 8.
        let rows = [([1.0, 0.0], [1.0, 3.0]), ([2.0, 1.0], [1.0, 3.0])];
        let s = compare(&analysis(&rows), 0, 200).unwrap();
        assert_eq!(s.articles, 2);
        assert_eq!((s.headline_share(), s.body_share()), (0.75, 0.25));
        let (lo, hi) = s.interval.unwrap();
        assert!(lo <= 0.5 && 0.5 <= hi, "{lo} {hi}");
        assert_eq!(
            compare(&analysis(&rows), 0, 200).unwrap().interval,
            s.interval
        );
    }

    /// The interval draws the articles in content order: the same texts
    /// under other names and in another order give the same interval.
    #[test]
    fn renaming_or_reordering_the_articles_keeps_the_interval() {
        let rows: Vec<_> = (0..30)
            .map(|i| {
                let k = (i * 7 % 5) as f64;
                ([k, (i % 3) as f64], [1.0 + (i % 4) as f64, 3.0])
            })
            .collect();
        let mut a = analysis(&rows);
        for (i, art) in a.articles.iter_mut().enumerate() {
            art.sha256 = format!("{:064x}", (i as u64 + 1).wrapping_mul(0x9e37_79b9));
        }
        let s = compare(&a, 0, 400).unwrap();
        assert!(s.interval.is_some());
        a.articles.reverse();
        a.articles.rotate_left(11);
        for (i, art) in a.articles.iter_mut().enumerate() {
            art.id = format!("renamed-{i}");
        }
        assert_eq!(compare(&a, 0, 400).unwrap(), s);
    }

    #[test]
    fn a_clear_lean_excludes_zero_and_no_lean_does_not() {
        let lean: Vec<_> = (0..40).map(|_| ([2.0, 0.0], [1.0, 3.0])).collect();
        let (lo, _) = compare(&analysis(&lean), 0, 500).unwrap().interval.unwrap();
        assert!(lo > 0.0);
        // Same pooled mix in both parts (half threat), varying by article
        // in the headlines only: the interval holds 0.
        let even: Vec<_> = (0..40)
            .map(|i| {
                if i % 2 == 0 {
                    ([1.0, 0.0], [1.0, 1.0])
                } else {
                    ([0.0, 1.0], [1.0, 1.0])
                }
            })
            .collect();
        let (lo, hi) = compare(&analysis(&even), 0, 500).unwrap().interval.unwrap();
        assert!(lo < 0.0 && hi > 0.0, "{lo} {hi}");
    }

    #[test]
    fn only_articles_with_both_a_headline_and_a_body_count() {
        let mut a = analysis(&[([1.0, 0.0], [1.0, 3.0]), ([2.0, 1.0], [1.0, 3.0])]);
        // A third article without a headline: its body would pull the body
        // share towards its own mix.
        let mut extra = a.articles[0].clone();
        extra.id = "extra".into();
        extra.positions.retain(|p| p.part != "headline");
        extra.positions[1].hits = vec![0.0, 8.0];
        a.articles.push(extra);
        let s = compare(&a, 0, 0).unwrap();
        assert_eq!(s.articles, 2);
        assert_eq!((s.headline_share(), s.body_share()), (0.75, 0.25));
    }

    #[test]
    fn a_side_without_frame_words_or_a_one_frame_run_has_no_comparison() {
        // A headline without frame words adds nothing to the headline share,
        // its body counts in the body share.
        let rows = [([0.0, 0.0], [1.0, 3.0]), ([1.0, 1.0], [1.0, 1.0])];
        let s = compare(&analysis(&rows), 0, 0).unwrap();
        assert_eq!(s.articles, 2);
        assert_eq!((s.headline_share(), s.body_share()), (0.5, 2.0 / 6.0));
        assert_eq!(s.interval, None);
        let (lo, hi) = compare(&analysis(&rows), 0, 100).unwrap().interval.unwrap();
        assert!(lo.is_finite() && hi.is_finite() && lo <= hi);
        assert!(compare(&analysis(&[([0.0, 0.0], [1.0, 0.0])]), 0, 10).is_none());
        let mut one = analysis(&rows);
        one.frames.truncate(1);
        assert!(compare(&one, 0, 10).is_none());
    }
}
