//! The findings the report opens with, computed once from the analysis:
//! each group difference in words with its interval (saying plainly when
//! the interval includes 0, so that it is not a finding), the most threat-
//! and reassurance-framed articles with a quotable sentence, and the
//! cautions that apply (small corpus or groups, many comparisons,
//! exploratory frames). Every writer shows these same rows.

use crate::lexicon::validity::{verdict, EXPLORATORY_BELOW, LOW_THREAT_PER_1K};
use crate::model::findings::{
    Finding, Findings, GroupDifference, CAUTION, DIFFERENCE, HEADLINE_VS_BODY,
    MIN_EXPECTED_MATCHES, MOST_REASSURANCE, MOST_THREAT, REST, SECTION_CLUSTERS, SECTION_EVIDENCE,
    SECTION_GROUPS, SECTION_POSITIONS, SECTION_SKIPPED, SECTION_THREAT, SECTION_VALIDITY,
};
use crate::model::numbers::{fixed, int, printed_difference, printed_units};
use crate::model::{Analysis, REASSURANCE, THREAT};
use crate::stats::groups::RESAMPLES;
use crate::stats::headline_share;

/// Comparisons above which the report warns that some intervals exclude 0 by chance.
const MANY_COMPARISONS: usize = 10;

/// `x` with `d` decimals, never "-0.0" (as the report prints numbers).
fn num(x: f64, d: usize) -> String {
    fixed(x, d)
}

/// Decimals of a measure: scores per 1,000 words 1, sentiment 3.
fn decimals(measure: &str) -> usize {
    if measure == "sentiment" {
        2
    } else {
        1
    }
}

/// The validity reading of a frame ("" for sentiment or an unknown name).
pub fn reading(a: &Analysis, frame: &str) -> &'static str {
    a.lexicons
        .iter()
        .find(|l| l.kind == "frame" && l.name == frame)
        .map_or("", |l| verdict(&l.validity))
}

/// The article's threat words per 1,000 when they are below
/// [`LOW_THREAT_PER_1K`] (and the threat list was used).
fn low_threat(a: &Analysis, art: &crate::model::ArticleResult) -> Option<f64> {
    let j = a.frames.iter().position(|f| f == THREAT)?;
    let t = art.frames.get(j)?.per_1k;
    // Judged as printed, so that "6.0 per 1,000" is never called fewer than 6.
    let shown = (t * 10.0).round() / 10.0;
    (shown.is_finite() && shown < LOW_THREAT_PER_1K).then_some(t)
}

/// Whether `frame`'s list is the default as frame ships it (the one the
/// project's coded samples measured).
fn shipped(a: &Analysis, frame: &str) -> bool {
    a.lexicons
        .iter()
        .any(|l| l.kind == "frame" && l.name == frame && l.builtin)
}

/// Builds the findings of an analysis whose groups, articles and notes are final.
pub fn compute(a: &Analysis) -> Findings {
    let mut items = Vec::new();
    let diffs: &[GroupDifference] = a.groups.as_ref().map_or(&[], |g| &g.differences);
    let mut order: Vec<&GroupDifference> = diffs.iter().collect();
    // Findings first, the strong before the weak (see `weakness`): a
    // reader who stops after the first few has read the best evidence.
    // Within each, those on threat and reassurance, the question frame is
    // built for, before the other measures, each the clearest first; the
    // others in measure order.
    order.sort_by(|x, y| {
        y.is_finding()
            .cmp(&x.is_finding())
            .then_with(|| match x.is_finding() {
                true => weakness(x)
                    .cmp(&weakness(y))
                    .then_with(|| core(y).cmp(&core(x)))
                    .then_with(|| clarity(y).total_cmp(&clarity(x))),
                false => std::cmp::Ordering::Equal,
            })
    });
    let topics = crate::stats::topic_overlap::one_topic_groups(a)
        .map(|(_, groups)| groups)
        .unwrap_or_default();
    items.extend(order.into_iter().map(|d| difference(a, d, &topics)));
    items.extend(headline_lean(a, THREAT));
    for (frame, kind) in [(THREAT, MOST_THREAT), (REASSURANCE, MOST_REASSURANCE)] {
        if let Some(f) = most_framed(a, frame, kind) {
            items.push(f);
        }
    }
    items.extend(cautions(a, diffs));
    let comparison = match a.groups.as_ref().map_or(0, |g| g.groups.len()) {
        0 | 1 => "",
        2 => "pair",
        _ => "each_vs_rest",
    };
    let method = match comparison {
        "pair" => format!(
            "The two groups are compared measure by measure: the difference of their means, with a 95% bootstrap interval of the difference ({} resamples of the articles within each group, seeded by --seed). A difference is a finding when its interval excludes 0 and each side would expect at least {} matches at their shared rate (Cochran 1954); each also gets Cohen's d as its effect size and a p-value corrected for every comparison of the run (Holm).",
            a.groups.as_ref().map_or(0, |g| g.resamples),
            num(MIN_EXPECTED_MATCHES, 0)
        ),
        "each_vs_rest" => format!(
            "With more than two groups, each group is compared with all other articles together (the rest): one comparison per group and measure, which says whether that group stands out from the others. Each difference of means has a 95% bootstrap interval ({} resamples of the articles within each group, seeded by --seed). A difference is a finding when its interval excludes 0 and each side would expect at least {} matches at their shared rate (Cochran 1954); each also gets Cohen's d as its effect size and a p-value corrected for every comparison with the rest (Holm). Every pair of groups is also compared, with a Holm correction of its own over the pairs (group_pairs.csv).",
            a.groups.as_ref().map_or(0, |g| g.resamples),
            num(MIN_EXPECTED_MATCHES, 0)
        ),
        _ => String::new(),
    };
    Findings {
        comparison: comparison.into(),
        method,
        items,
    }
}

/// How weak a finding is, 0 to 3: one that does not hold after Holm's
/// correction counts 2, a negligible effect size (|d| < 0.2, Cohen 1988,
/// the label the sentence gives it) 1. Without a correction or an effect
/// size that part counts 0.
fn weakness(d: &GroupDifference) -> u8 {
    let uncorrected = d.p_holm.is_some() && !d.holds_corrected();
    let negligible = d.effect_size.is_some_and(|e| e.abs() < 0.2);
    2 * u8::from(uncorrected) + u8::from(negligible)
}

/// Whether a difference is on threat or reassurance, the frames the
/// findings list first.
fn core(d: &GroupDifference) -> bool {
    d.measure == THREAT || d.measure == REASSURANCE
}

/// How clearly a difference stands out from 0: its size over the width of its
/// interval, which puts frames (per 1,000 words) and sentiment (-1 to +1) on
/// one scale.
fn clarity(d: &GroupDifference) -> f64 {
    match (d.ci_low, d.ci_high) {
        (Some(lo), Some(hi)) if hi > lo => d.difference.abs() / (hi - lo),
        (Some(_), Some(_)) => f64::INFINITY,
        _ => 0.0,
    }
}

/// Decimals for a row of numbers (two means, their difference and its
/// interval): the group table's (scores 1, or 2 when a mean is below 1;
/// sentiment 2), or up to two more when a value that is not 0 would print
/// as 0, or two means that differ would print alike, so that a reader can
/// see in the numbers why a row is or is not a finding, or when the
/// difference printed (that of the printed means, `printed_difference`)
/// would fall outside its printed interval while the difference itself is
/// inside it. The report's tables print findings with it too.
pub fn fitted_decimals(
    measure: &str,
    means: (f64, f64),
    difference: f64,
    interval: Option<(f64, f64)>,
) -> usize {
    // A score mean below 1 prints with two decimals, the group table's rule
    // (report::format::group_decimals), so that a row never reads "1.0"
    // for a group whose mean the table gives as 0.97.
    let below_one = means.0.abs() < 1.0 || means.1.abs() < 1.0;
    let base = if measure != "sentiment" && below_one {
        2
    } else {
        decimals(measure)
    };
    let zero = |x: f64, k: usize| num(x, k).chars().all(|c| c == '0' || c == '.');
    let mut k = base;
    while k < base + 2 {
        let values = [
            Some(means.0),
            Some(means.1),
            Some(difference),
            interval.map(|i| i.0),
            interval.map(|i| i.1),
        ];
        // A sentiment mean of 0.00 reads as neutral, which it is at the
        // table's precision (0.0003 is no tone); only its difference and
        // interval must not hide a value, while a frame mean of 0 reads as
        // "never used", which a rare frame is not.
        let skip = if measure == "sentiment" { 2 } else { 0 };
        let hidden = values[skip..]
            .iter()
            .flatten()
            .any(|&x| x != 0.0 && zero(x, k));
        let alike = num(means.0, k) == num(means.1, k) && !zero(difference, k);
        if !hidden && !alike && !outside_interval(means, difference, interval, k) {
            break;
        }
        k += 1;
    }
    k
}

/// Whether the difference printed beside two means with `k` decimals (that
/// of the printed means) falls outside the interval as printed while the
/// difference itself lies inside it: "8.3 [8.4, 12.0]" for 8.36 in
/// [8.35, 12.0].
fn outside_interval(
    means: (f64, f64),
    difference: f64,
    interval: Option<(f64, f64)>,
    k: usize,
) -> bool {
    let Some((lo, hi)) = interval else {
        return false;
    };
    let units = |x| printed_units(x, k);
    match (units(means.0), units(means.1), units(lo), units(hi)) {
        (Some(a), Some(b), Some(l), Some(h)) => {
            (lo..=hi).contains(&difference) && !(l..=h).contains(&(a - b))
        }
        _ => false,
    }
}

/// "3 weighted matches" / "1 weighted match": an entry's weight counts
/// (`terror* 2` counts twice), so the figure can exceed the marked words.
fn matches(n: f64) -> String {
    if n == 1.0 {
        "1 weighted match".to_string()
    } else {
        format!(
            "{} weighted matches",
            num(n, if n.fract() == 0.0 { 0 } else { 1 })
        )
    }
}

/// "conflict framing" / "sentiment".
fn what(measure: &str) -> String {
    if measure == "sentiment" {
        "sentiment".into()
    } else {
        format!("{} framing", measure.replace('_', " "))
    }
}

fn difference(a: &Analysis, d: &GroupDifference, topics: &[(String, String)]) -> Finding {
    let dec = fitted_decimals(
        &d.measure,
        (d.mean_a, d.mean_b),
        d.difference,
        d.ci_low.zip(d.ci_high),
    );
    let other = if d.group_b == REST {
        "the other articles".to_string()
    } else {
        d.group_b.clone()
    };
    let sentiment = d.measure == "sentiment";
    let unit = if sentiment {
        " (VADER compound, -1 to +1)"
    } else {
        " per 1,000 words"
    };
    let values = format!(
        "{} vs {}{}, difference {}",
        num(d.mean_a, dec),
        num(d.mean_b, dec),
        unit,
        // That of the printed means, so that the three numbers add up.
        printed_difference(d.mean_a, d.mean_b, dec)
    );
    let finding = d.is_finding();
    let text = match (d.ci_low, d.ci_high) {
        (Some(lo), Some(hi)) if d.too_few_matches => format!(
            "{} and {} cannot be compared on {}: {values} [{}, {}], but the difference rests on {} in {} and {} in {} (fewer than {} expected on one side at their shared rate), so this is not a finding.",
            d.group_a,
            other,
            what(&d.measure),
            num(lo, dec),
            num(hi, dec),
            matches(d.matches_a.unwrap_or(0.0)),
            d.group_a,
            matches(d.matches_b.unwrap_or(0.0)),
            other,
            num(MIN_EXPECTED_MATCHES, 0)
        ),
        (Some(lo), Some(hi)) => {
            let ci = format!("[{}, {}]", num(lo, dec), num(hi, dec));
            if finding {
                let claim = match (sentiment, d.difference > 0.0) {
                    (true, true) => format!("{} is more positive in tone than {}", d.group_a, other),
                    (true, false) => format!("{} is more negative in tone than {}", d.group_a, other),
                    (false, true) => format!("{} uses more {} than {}", d.group_a, what(&d.measure), other),
                    (false, false) => format!("{} uses less {} than {}", d.group_a, what(&d.measure), other),
                };
                format!("{claim}: {values} {ci}{}.", strength(d))
            } else {
                format!(
                    "{} and {} do not differ clearly in {}: {values} {ci}; the interval includes 0, so this is not a finding.",
                    d.group_a,
                    other,
                    what(&d.measure)
                )
            }
        }
        _ => format!(
            "{} and {} cannot be compared on {}: {values}, but a group with fewer than 2 articles has no interval, so this is not a finding.",
            d.group_a,
            other,
            what(&d.measure)
        ),
    };
    // The caution travels with the sentence a reader copies, not only in
    // the list of cautions.
    let one_topic: Vec<String> = [&d.group_a, &d.group_b]
        .into_iter()
        .filter(|_| finding)
        .filter_map(|side| topics.iter().find(|(g, _)| g == side))
        .map(|(g, what)| format!("{g} {what}"))
        .collect();
    let text = if one_topic.is_empty() {
        text
    } else {
        format!(
            "{text} But {}: this may be a difference of topic rather than of framing (compare articles on one topic before citing it).",
            one_topic.join(" and ")
        )
    };
    let r = reading(a, &d.measure);
    let text = match r {
        "exploratory" => format!("{text} {} is an exploratory frame (its lexicon agreed poorly with the public human frame coding): treat this as a lead to read, not a measurement.", capitalised(&d.measure)),
        "not validated" if finding => format!("{text} The {} lexicon was not validated against human coding.", d.measure),
        _ => text,
    };
    Finding {
        kind: DIFFERENCE.into(),
        frame: d.measure.clone(),
        group_a: d.group_a.clone(),
        group_b: d.group_b.clone(),
        value_a: Some(d.mean_a),
        value_b: Some(d.mean_b),
        difference: Some(d.difference),
        ci_low: d.ci_low,
        ci_high: d.ci_high,
        effect_size: d.effect_size,
        p_holm: d.p_holm,
        is_finding: finding,
        exploratory: matches!(r, "exploratory" | "not validated"),
        articles_a: d.articles_a,
        articles_b: d.articles_b,
        section: SECTION_GROUPS.into(),
        text,
        ..Default::default()
    }
}

/// A finding's effect size and whether it survives the correction for
/// the run's comparisons, as a clause ("" when neither is known).
fn strength(d: &GroupDifference) -> String {
    let size = d.effect_size.map(|e| {
        let label = match e.abs() {
            x if x < 0.2 => "negligible",
            x if x < 0.5 => "small",
            x if x < 0.8 => "medium",
            _ => "large",
        };
        format!("; effect size d = {} ({label})", num(e, 2))
    });
    let corrected = d.p_holm.map(|p| {
        if d.holds_corrected() {
            format!("; holds after correcting for the comparisons made (Holm p {})", p_text(p))
        } else {
            format!("; does not hold after correcting for the comparisons made (Holm p {}): weak evidence", p_text(p))
        }
    });
    format!(
        "{}{}",
        size.unwrap_or_default(),
        corrected.unwrap_or_default()
    )
}

/// A p-value as printed after "p": "= 0.0321", or "< 0.0001".
fn p_text(p: f64) -> String {
    let shown = crate::model::numbers::p_value(p);
    if shown.starts_with('<') {
        shown
    } else {
        format!("= {shown}")
    }
}

/// `s` with its first letter in upper case.
pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The article with the highest score in `frame` (first on ties), when any has one.
fn most_framed(a: &Analysis, frame: &str, kind: &str) -> Option<Finding> {
    let j = a.frames.iter().position(|f| f == frame)?;
    // Ranked by the lower end of the score's interval when there are
    // intervals, so that a very short article with one matching word (a
    // high score resting on one sentence) does not lead; by the score itself
    // otherwise. Ties (many lower ends are 0 when matches are few) go to the
    // higher score, then to more matches, so that the pick does not depend
    // on the order of the files; then to the first article.
    let by_interval = a
        .articles
        .iter()
        .any(|art| art.frames.get(j).is_some_and(|f| f.ci_low.is_some()));
    // Threat and reassurance lead only among the articles that lean their
    // way: the article with the most reassurance words can be a list of
    // attacks that notes "no casualties", and "most reassurance-framed"
    // should not name it while another article leans to reassurance.
    let leaning = a
        .articles
        .iter()
        .any(|art| leans_to(a, art, frame) && art.frames.get(j).is_some_and(|f| f.per_1k > 0.0));
    let mut best: Option<(usize, [f64; 3])> = None;
    for (i, art) in a.articles.iter().enumerate() {
        let Some(f) = art.frames.get(j) else {
            continue;
        };
        if leaning && !leans_to(a, art, frame) {
            continue;
        }
        let first = if by_interval {
            f.ci_low.unwrap_or(0.0)
        } else {
            f.per_1k
        };
        let key = [first, f.per_1k, f.hits];
        let better = |b: &[f64; 3]| {
            key.iter()
                .zip(b)
                .map(|(x, y)| x.total_cmp(y))
                .find(|o| o.is_ne())
                .is_some_and(|o| o.is_gt())
        };
        if f.per_1k.is_finite()
            && f.per_1k > 0.0
            && key.iter().all(|x| x.is_finite())
            && best.as_ref().is_none_or(|(_, b)| better(b))
        {
            best = Some((i, key));
        }
    }
    let (i, _) = best?;
    let v = a.articles[i].frames[j].per_1k;
    let art = &a.articles[i];
    let score = &art.frames[j];
    let sentence = if frame == THREAT {
        art.most_threatening.as_ref()
    } else {
        art.most_reassuring.as_ref()
    }
    .map(|s| s.text.to_string())
    .unwrap_or_default();
    let title = if art.short_title.trim().is_empty() {
        art.id.clone()
    } else {
        art.short_title.clone()
    };
    let ci = match (score.ci_low, score.ci_high) {
        (Some(lo), Some(hi)) => format!(" [95% interval {}, {}]", num(lo, 1), num(hi, 1)),
        _ => String::new(),
    };
    let ranked = if by_interval {
        " (ranked by the lower end of the 95% interval, so that a short article cannot lead on one or two words)"
    } else {
        ""
    };
    // When every interval reaches 0, no article stands out on this frame: say
    // so before naming the one with the highest score.
    let total: f64 = a
        .articles
        .iter()
        .filter_map(|art| art.frames.get(j))
        .map(|f| f.hits)
        .sum();
    let leaners = a
        .articles
        .iter()
        .filter(|art| leans_to(a, art, frame) && art.frames.get(j).is_some_and(|f| f.per_1k > 0.0))
        .count();
    let unclear = by_interval && !score.ci_low.is_some_and(|lo| lo > 0.0);
    let lead = if total < MIN_EXPECTED_MATCHES {
        // A pick among a handful of matches names no framing (Cochran's
        // rule, as for the differences between groups).
        format!("{} words are too rare in these articles to call any article {frame}-framed ({} in all). The most are in", capitalised(frame), matches(total))
    } else if let Some(other) = other_side(frame).filter(|_| !leaning) {
        format!("No article leans to {frame}: every article with {frame} words has at least as many {other} words. The one with the most {frame} words{ranked} is")
    } else if unclear && other_side(frame).is_some() && leaners == 1 {
        format!("One article leans to {frame} (more {frame} than {} words), and its 95% interval reaches 0, so it is not clearly {frame}-framed:", other_side(frame).unwrap_or_default())
    } else if unclear && other_side(frame).is_some() {
        format!("Of the {} articles that lean to {frame} (more {frame} than {} words), none is clearly {frame}-framed: each one's 95% interval reaches 0. The highest-scoring of them is", int(leaners), other_side(frame).unwrap_or_default())
    } else if unclear {
        format!("No article is clearly {frame}-framed: every article's 95% interval reaches 0. The highest-scoring article is")
    } else {
        format!("The most {frame}-framed article{ranked} is")
    };
    // The id is what the CSV files are keyed by; the number is only the
    // article's place in this run.
    let id = if title == art.id {
        String::new()
    } else {
        format!(" (id {})", art.id)
    };
    let text = format!(
        "{lead} #{} “{}”{id}{}: {} {frame} words per 1,000 words{ci}, {} in {} words.",
        i + 1,
        title,
        art.group
            .as_deref()
            .map(|g| format!(" ({g})"))
            .unwrap_or_default(),
        num(v, 1),
        matches(score.hits),
        int(art.words)
    );
    let r = reading(a, frame);
    let text = match r {
        "exploratory" => format!(
            "{text} {} is an exploratory frame: read the article before relying on the score.",
            capitalised(frame)
        ),
        "not validated" => format!(
            "{text} {} was not validated against human coding: read the article before relying on the score.",
            capitalised(frame)
        ),
        _ => text,
    };
    // The figure was measured with both shipped lists, so it is quoted only
    // when both are in use.
    let text = match low_threat(a, art) {
        Some(t) if frame == REASSURANCE && shipped(a, REASSURANCE) && shipped(a, THREAT) => {
            format!(
                "{text} It has few threat words ({} per 1,000): in the project's coded general news, only about 3 in 10 reassurance matches in articles with fewer than {} threat words per 1,000 reassured (most were calm markets, politics or sport).",
                num(t, 1),
                num(LOW_THREAT_PER_1K, 0)
            )
        }
        _ => text,
    };
    let text = match outweighed(a, art, frame, v) {
        Some(line) => format!("{text} {line}"),
        None => text,
    };
    let text = match one_word_carries(score) {
        Some(line) => format!("{text} {line}"),
        None => text,
    };
    // The lead may be one of two copies of a story, which the caution on
    // near-duplicates names far below: said here, where it is cited.
    let text = match near_duplicate_of(a, i) {
        Some((k, sim)) => format!(
            "{text} Its wording is nearly the same as #{}'s (TF-IDF cosine similarity {}): the story may be in these articles twice.",
            k + 1,
            num(sim, 2)
        ),
        None => text,
    };
    Some(Finding {
        kind: kind.into(),
        frame: frame.into(),
        group_a: art.group.clone().unwrap_or_default(),
        value_a: Some(v),
        ci_low: score.ci_low,
        ci_high: score.ci_high,
        is_finding: score.ci_low.is_some_and(|lo| lo > 0.0),
        exploratory: matches!(r, "exploratory" | "not validated"),
        articles_a: 1,
        article_id: art.id.clone(),
        article_no: i + 1,
        sentence,
        section: SECTION_THREAT.into(),
        text,
        ..Default::default()
    })
}

/// Words below which an article is too short to be read as one (a title
/// and a notice, a photo caption, a paywall stub).
const SHORT_ARTICLE_WORDS: usize = 50;
/// Short articles the caution names before "and N more".
const SHORT_NAMED: usize = 5;

/// A caution naming the articles of fewer than [`SHORT_ARTICLE_WORDS`]
/// words: they are rarely articles, and their scores (0, or a rate on a
/// handful of words) count in every mean and group comparison.
fn short_articles(a: &Analysis) -> Option<Finding> {
    let short: Vec<usize> = (0..a.articles.len())
        .filter(|&i| a.articles[i].words < SHORT_ARTICLE_WORDS)
        .collect();
    if short.is_empty() {
        return None;
    }
    let mut named: Vec<String> = short
        .iter()
        .take(SHORT_NAMED)
        .map(|&i| format!("#{} ({} words)", i + 1, int(a.articles[i].words)))
        .collect();
    if short.len() > SHORT_NAMED {
        named.push(format!("{} more", int(short.len() - SHORT_NAMED)));
    }
    let list = match named.split_last() {
        Some((last, init)) if !init.is_empty() => format!("{} and {last}", init.join(", ")),
        _ => named.join(""),
    };
    Some(caution(
        format!(
            "{} fewer than {SHORT_ARTICLE_WORDS} words after boilerplate was removed: {list}. Such a text is rarely an article (a headline with a notice, a caption, a page behind a paywall); its scores are 0 or a rate on a handful of words, and it counts as much as any article in its group's mean. Read it (articles.csv gives each article's words and file) and take it out of the folder if it is not an article.",
            if short.len() == 1 {
                "1 article has".to_string()
            } else {
                format!("{} articles have", int(short.len()))
            }
        ),
        SECTION_SKIPPED,
    ))
}

/// TF-IDF cosine similarity from which two articles are called near-duplicates.
const NEAR_DUPLICATE: f64 = 0.8;
/// Pairs the near-duplicate caution names before "and N more".
const NEAR_DUPLICATES_NAMED: usize = 5;

/// The article nearest to article `i` (its index and similarity) when the
/// two are near-duplicates ([`NEAR_DUPLICATE`] or more).
fn near_duplicate_of(a: &Analysis, i: usize) -> Option<(usize, f64)> {
    let c = a.clustering.as_ref()?;
    let id = a.articles.get(i)?.id.as_str();
    let x = c.assignments.iter().find(|x| x.article_id == id)?;
    let sim = x.nearest_similarity.filter(|&s| s >= NEAR_DUPLICATE)?;
    let nearest = x.nearest_id.as_deref()?;
    let k = a.articles.iter().position(|r| r.id == nearest)?;
    (k != i).then_some((k, sim))
}

/// A caution naming the pairs of articles whose wording is nearly the same
/// (each the other's nearest article at [`NEAR_DUPLICATE`] or more): a
/// story run twice, or by two outlets from one agency, counts twice in every
/// mean and comparison, and a student should decide whether to keep both.
fn near_duplicates(a: &Analysis) -> Option<Finding> {
    let c = a.clustering.as_ref()?;
    let index: std::collections::HashMap<&str, usize> = a
        .articles
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut pairs: Vec<(usize, usize)> = c
        .assignments
        .iter()
        .filter(|x| x.nearest_similarity.is_some_and(|s| s >= NEAR_DUPLICATE))
        .filter_map(|x| {
            let i = *index.get(x.article_id.as_str())?;
            let j = *index.get(x.nearest_id.as_deref()?)?;
            (i != j).then(|| (i.min(j), i.max(j)))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    if pairs.is_empty() {
        return None;
    }
    // Identical texts were warned about when the files were read; saying
    // which pairs they are tells the student that one of each is a copy.
    let same = |&(i, j): &(usize, usize)| {
        !a.articles[i].sha256.is_empty() && a.articles[i].sha256 == a.articles[j].sha256
    };
    let named: Vec<String> = pairs
        .iter()
        .take(NEAR_DUPLICATES_NAMED)
        .map(|p| {
            let (i, j) = *p;
            let tag = if same(p) { " (identical)" } else { "" };
            format!("#{} and #{}{tag}", i + 1, j + 1)
        })
        .collect();
    let identical = pairs.iter().filter(|p| same(p)).count();
    let identical = match identical {
        0 => String::new(),
        k if k == pairs.len() => " In all of them the two texts are identical.".to_string(),
        k => format!(" In {} of them the two texts are identical.", int(k)),
    };
    let more = pairs.len().saturating_sub(NEAR_DUPLICATES_NAMED);
    let more = if more > 0 {
        format!(" and {} more", int(more))
    } else {
        String::new()
    };
    let n = if pairs.len() == 1 {
        "1 pair of articles is".to_string()
    } else {
        format!("{} pairs of articles are", int(pairs.len()))
    };
    Some(caution(
        format!(
            "{n} nearly the same text (TF-IDF cosine similarity of at least {} to each other): {}{more}.{identical} A story run twice, or by two outlets from one agency, counts twice in every mean and comparison: read them, and keep one if they are the same article (clusters.csv gives each article's nearest_id and nearest_similarity).",
            num(NEAR_DUPLICATE, 2),
            named.join(", ")
        ),
        SECTION_CLUSTERS,
    ))
}

/// Share of an article's matches of a frame above which one entry is said
/// to carry the score.
const ONE_WORD_SHARE: f64 = 0.25;
/// Matches an article needs before one entry's share is worth a word.
const ONE_WORD_MIN_MATCHES: usize = 10;

/// A sentence when one entry gives more than [`ONE_WORD_SHARE`] of the
/// article's matches of the frame: a field label repeated down a table
/// ("ATTACKER:") or a word in another sense can carry a lead on its own.
fn one_word_carries(score: &crate::model::FrameScore) -> Option<String> {
    let total: usize = score.evidence.iter().map(|e| e.count).sum();
    let top = score.evidence.first()?;
    let share = top.count as f64 / total.max(1) as f64;
    (total >= ONE_WORD_MIN_MATCHES && share > ONE_WORD_SHARE).then(|| {
        // The entry counts every form it matches; its most frequent form
        // is named too when it differs ("attack", most often as "attacker").
        let form = if top.term == top.entry {
            String::new()
        } else {
            format!(", most often as “{}”", top.term)
        };
        format!(
            "One lexicon entry gives {}% of its marked matches (“{}”, {} of {}{form}): check in the reader that it is used in the frame's sense.",
            num(100.0 * share, 0),
            top.entry,
            int(top.count),
            int(total)
        )
    })
}

/// Whether headlines lean to `frame` more than the bodies do, as a share of
/// the frame matches (see `headline_share` for why a share).
fn headline_lean(a: &Analysis, frame: &str) -> Option<Finding> {
    let j = a.frames.iter().position(|f| f == frame)?;
    let s = headline_share::compare(a, j, RESAMPLES)?;
    let (hs, bs) = (100.0 * s.headline_share(), 100.0 * s.body_share());
    let d = hs - bs;
    // Cochran's rule as for group differences: at the pooled share, each
    // side must expect enough of the frame's matches.
    let pooled = (s.headline.0 + s.body.0) / (s.headline.1 + s.body.1);
    let name = frame.replace('_', " ");
    let base = format!("{} articles with a headline and a body", int(s.articles));
    // Too few to compare: said, so that the comparison the report
    // describes is not silently missing (the positions table has the counts).
    if pooled * s.headline.1.min(s.body.1) < MIN_EXPECTED_MATCHES {
        return Some(Finding {
            kind: HEADLINE_VS_BODY.into(),
            frame: frame.into(),
            group_a: "headline".into(),
            group_b: "body".into(),
            articles_a: s.articles,
            articles_b: s.articles,
            section: SECTION_POSITIONS.into(),
            text: format!(
                "Headlines and bodies are not compared on {name}: the headlines hold too few of its matches ({} in all; {base}) for their share to be compared (fewer than {} expected at the shared rate), so this is not a finding.",
                matches(s.headline.0),
                num(MIN_EXPECTED_MATCHES, 0)
            ),
            ..Default::default()
        });
    }
    let ci = s.interval.map(|(lo, hi)| (100.0 * lo, 100.0 * hi));
    let finding = ci.is_some_and(|(lo, hi)| lo > 0.0 || hi < 0.0);
    let shares = format!(
        "{name} words are {}% of the frame words in the headlines and {}% in the bodies",
        // One decimal, as the difference.
        num(hs, 1),
        num(bs, 1)
    );
    let interval = ci.map_or(String::new(), |(lo, hi)| {
        format!(" [95% interval {}, {}]", num(lo, 1), num(hi, 1))
    });
    // The difference of the shares as printed, so that the three add up
    // (39.5% and 25.5% printed a difference of 13.9 points).
    let points = printed_difference(hs, bs, 1);
    let text = if finding {
        let way = if d > 0.0 { "more" } else { "less" };
        format!(
            "Headlines lean to {name} {way} than the article bodies do: {shares} ({} percentage points{interval}; {base}). Per 1,000 words (the table of headline, lead and body) the gap looks wider, partly because headlines hold few function words, so every frame is denser in them; the share compares the frames with each other. It is an average over all articles: kinds of news can differ a lot (the section on headline, lead and body gives it by cluster).",
            points.trim_start_matches('-'),
        )
    } else {
        let why = if ci.is_some() {
            "the interval includes 0"
        } else {
            "too few articles for an interval"
        };
        format!("Headlines and bodies do not differ clearly in how much of their framing is {name}: {shares} (difference {} percentage points{interval}; {base}); {why}, so this is not a finding.", points)
    };
    let r = reading(a, frame);
    let text = match r {
        "exploratory" => format!(
            "{text} {} is an exploratory frame: treat this as a lead to read.",
            capitalised(frame)
        ),
        _ => text,
    };
    Some(Finding {
        kind: HEADLINE_VS_BODY.into(),
        frame: frame.into(),
        group_a: "headline".into(),
        group_b: "body".into(),
        value_a: Some(hs),
        value_b: Some(bs),
        difference: Some(d),
        ci_low: ci.map(|c| c.0),
        ci_high: ci.map(|c| c.1),
        is_finding: finding,
        exploratory: matches!(r, "exploratory" | "not validated"),
        articles_a: s.articles,
        articles_b: s.articles,
        section: SECTION_POSITIONS.into(),
        text,
        ..Default::default()
    })
}

/// The other side of threat/reassurance; `None` for every other frame.
fn other_side(frame: &str) -> Option<&'static str> {
    match frame {
        THREAT => Some(REASSURANCE),
        REASSURANCE => Some(THREAT),
        _ => None,
    }
}

/// Whether `art` has more words of `frame` than of the other side of
/// threat/reassurance (per 1,000); true for every other frame, and when the
/// run lacks the other side.
fn leans_to(a: &Analysis, art: &crate::model::ArticleResult, frame: &str) -> bool {
    let per_1k = |name: &str| {
        let k = a.frames.iter().position(|f| f == name)?;
        art.frames.get(k).map(|f| f.per_1k)
    };
    match (other_side(frame).and_then(per_1k), per_1k(frame)) {
        (Some(w), Some(v)) => v > w,
        _ => true,
    }
}

/// For the article leading on one side of threat/reassurance, a sentence
/// when the other side's words outnumber this side's (`v` per 1,000): the
/// article with the most reassurance words can be a report of attacks that
/// notes "no casualties", and a reader should not take "most
/// reassurance-framed" for an article that leans to reassurance.
fn outweighed(
    a: &Analysis,
    art: &crate::model::ArticleResult,
    frame: &str,
    v: f64,
) -> Option<String> {
    let other = other_side(frame)?;
    let k = a.frames.iter().position(|f| f == other)?;
    let w = art.frames.get(k)?.per_1k;
    if !(w.is_finite() && v > 0.0 && w > v) {
        return None;
    }
    let ratio = w / v;
    let how_many = if ratio >= 2.0 {
        format!(", {} times as many", num(ratio.floor(), 0))
    } else {
        String::new()
    };
    Some(format!(
        "Its {other} words outnumber its {frame} words ({} against {} per 1,000{how_many}); the threat-versus-reassurance chart shows which articles lean each way.",
        num(w, 1),
        num(v, 1)
    ))
}

fn caution(text: String, section: &str) -> Finding {
    Finding {
        kind: CAUTION.into(),
        section: section.into(),
        text,
        ..Default::default()
    }
}

/// The cautions that apply to the findings above them.
fn cautions(a: &Analysis, diffs: &[GroupDifference]) -> Vec<Finding> {
    let mut out: Vec<Finding> = a.notes.iter().map(|n| caution(n.clone(), "")).collect();
    if let Some(g) = &a.groups {
        if g.groups.len() >= 2 {
            out.extend(g.notes.iter().map(|n| caution(n.clone(), SECTION_GROUPS)));
        }
    }
    let damaged: Vec<usize> = a.articles.iter().map(|r| r.damaged_characters).collect();
    let hit = damaged.iter().filter(|&&n| n > 0).count();
    if hit > 0 {
        // Damaged words are never read, so scores can miss what they were;
        // the reader of the findings should know before quoting a score.
        out.push(caution(
            format!(
                "{} damaged characters ({} in all: U+FFFD, or ? inside a word), lost before frame read the text (often a file saved in the wrong encoding): a word holding one is never read, so those articles' scores can miss frame words. Go back to the source and save or export it again in UTF-8; articles.csv gives each article's count.",
                if hit == 1 { "1 article holds".to_string() } else { format!("{} articles hold", int(hit)) },
                int(damaged.iter().sum())
            ),
            SECTION_SKIPPED,
        ));
    }
    out.extend(near_duplicates(a));
    out.extend(short_articles(a));
    if let Some(text) = crate::stats::topic_overlap::caution(a) {
        out.push(caution(text, SECTION_GROUPS));
    }
    let tested = diffs.iter().filter(|d| d.ci_low.is_some()).count();
    if tested >= MANY_COMPARISONS {
        let found = diffs.iter().filter(|d| d.is_finding()).count();
        let hold = diffs.iter().filter(|d| d.holds_corrected()).count();
        out.push(caution(
            format!(
                "These are {tested} comparisons, each at 95%: even with no real difference, about 1 in 20 intervals excludes 0 by chance, so expect about {} such finding{} among them. Corrected for the {tested} comparisons (Holm's method, p_holm in findings.csv), {hold} of the {found} finding{} still hold{}; cite those, and treat the others as weak evidence.",
                num(tested as f64 / 20.0, 0),
                if tested < 30 { "" } else { "s" },
                if found == 1 { "" } else { "s" },
                if hold == 1 { "s" } else { "" },
            ),
            SECTION_GROUPS,
        ));
    }
    let exploratory: Vec<&str> = a
        .lexicons
        .iter()
        .filter(|l| l.kind == "frame" && verdict(&l.validity) == "exploratory")
        .map(|l| l.name.as_str())
        .collect();
    if !exploratory.is_empty() {
        out.push(caution(
            format!(
                "Exploratory frames ({}): their lexicons agreed poorly with the public human frame coding (AUC below {:.2}; the trust table says how closely those codes match each frame, and what the project's own coding with the frames' definition found), so their scores find articles to read rather than measure the frame.",
                exploratory.join(", "),
                EXPLORATORY_BELOW
            ),
            SECTION_VALIDITY,
        ));
    }
    let unvalidated: Vec<&str> = a
        .lexicons
        .iter()
        .filter(|l| l.kind == "frame" && verdict(&l.validity) == "not validated")
        .map(|l| l.name.as_str())
        .collect();
    if !unvalidated.is_empty() {
        out.push(caution(
            format!(
                "Frames not validated against independent human coding ({}): use their scores to find passages to read, and code a sample of your own articles (frame sample, frame agree) before reporting them as measurements.",
                unvalidated.join(", ")
            ),
            SECTION_VALIDITY,
        ));
    }
    if !a.articles.is_empty() {
        out.push(caution(
            "Word counts are indicators, not proof: a frame score says that a vocabulary is present, not how it is used. Read the marked words in the article reader and the quoted sentences in the Evidence section before claiming that an article frames the story in a certain way.".into(),
            SECTION_EVIDENCE,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{example, GroupComparison};

    fn diff(lo: f64, hi: f64, measure: &str) -> GroupDifference {
        GroupDifference {
            measure: measure.into(),
            group_a: "post".into(),
            group_b: "herald".into(),
            articles_a: 20,
            articles_b: 20,
            mean_a: 6.2,
            mean_b: 1.4,
            difference: 4.8,
            ci_low: Some(lo),
            ci_high: Some(hi),
            ..Default::default()
        }
    }

    #[test]
    fn threat_and_reassurance_findings_then_the_clearest_and_small_numbers_keep_their_digits() {
        let mut a = example(6);
        let mut small = diff(-0.09, -0.01, "reassurance");
        (small.mean_a, small.mean_b, small.difference) = (0.03, 0.08, -0.05);
        let mut sparse = diff(-0.2, -0.01, "morality");
        (sparse.matches_a, sparse.matches_b, sparse.too_few_matches) =
            (Some(1.0), Some(22.0), true);
        a.groups = Some(GroupComparison {
            // Alphabetical groups, measure order: the clear one comes last.
            differences: vec![
                small,
                sparse,
                diff(1.0, 6.0, "economic"),
                diff(4.0, 5.6, "conflict"),
            ],
            ..Default::default()
        });
        // Reassurance is not validated, economic holds up: a finding about
        // the first is a lead to read, as the trust table says.
        let mut economic = crate::model::example_lexicon("economic", true);
        economic.validity = vec![crate::model::FrameValidity {
            dataset: "SemEval".into(),
            auc: 0.89,
            ..Default::default()
        }];
        a.lexicons = vec![crate::model::example_lexicon("reassurance", true), economic];
        let f = compute(&a);
        // Reassurance is the least clear, but the question frame is built for.
        let order: Vec<&str> = f.items.iter().take(4).map(|x| x.frame.as_str()).collect();
        assert_eq!(order, ["reassurance", "conflict", "economic", "morality"]);
        let flags: Vec<bool> = f.items.iter().take(3).map(|x| x.exploratory).collect();
        assert_eq!(flags, [true, false, false]);
        assert!(
            f.items[0]
                .text
                .contains("0.03 vs 0.08 per 1,000 words, difference -0.05 [-0.09, -0.01]"),
            "{}",
            f.items[0].text
        );
        assert!(!f.items[3].is_finding);
        assert!(
            f.items[3]
                .text
                .contains("rests on 1 weighted match in post and 22 weighted matches in herald"),
            "{}",
            f.items[3].text
        );
    }

    #[test]
    fn weak_findings_come_after_strong_ones_whatever_their_frame() {
        let mut a = example(6);
        let with = |measure: &str, d: f64, p: f64| {
            let mut x = diff(1.0, 6.0, measure);
            (x.effect_size, x.p_holm) = (Some(d), Some(p));
            x
        };
        a.groups = Some(GroupComparison {
            differences: vec![
                with("reassurance", -0.13, 0.2),
                with("threat", 0.1, 0.001),
                with("economic", 0.6, 0.001),
                with("conflict", 0.4, 0.3),
                with("morality", 0.5, 0.01),
            ],
            ..Default::default()
        });
        let f = compute(&a);
        let order: Vec<&str> = f.items.iter().take(5).map(|x| x.frame.as_str()).collect();
        // Holding with an effect, then negligible, then not holding after
        // correction (with an effect before without).
        assert_eq!(
            order,
            ["economic", "morality", "threat", "conflict", "reassurance"]
        );
    }

    #[test]
    fn a_mean_below_one_keeps_the_group_tables_two_decimals() {
        // 0.97 would read "1.0" with one decimal, as the group table does not.
        assert_eq!(fitted_decimals("threat", (0.97, 4.2), -3.23, None), 2);
        assert_eq!(
            num(0.97, fitted_decimals("threat", (4.2, 0.97), 3.23, None)),
            "0.97"
        );
        assert_eq!(
            fitted_decimals("threat", (1.5, 4.2), -2.7, Some((-3.1, -2.2))),
            1
        );
        assert_eq!(fitted_decimals("sentiment", (0.1, 0.25), -0.15, None), 2);
    }

    /// From a real-input review: a group's tone read 0.26 in the group table
    /// and 0.2620 in the finding, whose other mean (0.0003) was given two
    /// more decimals so as not to print as 0.
    #[test]
    fn a_sentiment_finding_keeps_the_group_tables_two_decimals() {
        let interval = Some((0.2184, 0.3046));
        assert_eq!(
            fitted_decimals("sentiment", (0.2620, 0.0003), 0.2617, interval),
            2
        );
        // An interval end that would print as 0.00 (seeming to reach 0) still
        // gets the decimal it needs, and a frame mean still keeps its own.
        assert_eq!(
            fitted_decimals("sentiment", (0.05, 0.01), 0.04, Some((0.004, 0.08))),
            3
        );
        assert_eq!(fitted_decimals("threat", (0.003, 1.2), -1.2, None), 3);
    }

    /// From a real-input review: "7.1 vs 15.9 per 1,000 words, difference
    /// -8.7" (the unrounded means 7.14 and 15.86 differ by 8.72), which a
    /// student checking the arithmetic cannot reproduce.
    #[test]
    fn a_findings_difference_adds_up_with_its_printed_means() {
        let mut a = example(6);
        let mut d = diff(-10.0, -7.5, "economic");
        (d.mean_a, d.mean_b) = (7.14, 15.86);
        d.difference = d.mean_a - d.mean_b;
        let mut s = diff(-0.17, -0.13, "sentiment");
        (s.mean_a, s.mean_b) = (-0.124, 0.034);
        s.difference = s.mean_a - s.mean_b;
        a.groups = Some(GroupComparison {
            differences: vec![d, s],
            ..Default::default()
        });
        let f = compute(&a);
        let text = |m: &str| &f.items.iter().find(|x| x.frame == m).unwrap().text;
        assert!(
            text("economic").contains("7.1 vs 15.9 per 1,000 words, difference -8.8 [-10.0, -7.5]"),
            "{}",
            text("economic")
        );
        assert!(
            text("sentiment")
                .contains("-0.12 vs 0.03 (VADER compound, -1 to +1), difference -0.15"),
            "{}",
            text("sentiment")
        );
        // findings.csv and analysis.json keep the difference unrounded.
        let e = f.items.iter().find(|x| x.frame == "economic").unwrap();
        assert_eq!(e.difference, Some(7.14 - 15.86));
    }

    /// A difference printed as that of the printed means gets a decimal more
    /// when it would fall outside its printed interval (8.36 in [8.355, 9.0]:
    /// 23.84 - 15.48 prints 23.8 - 15.5 = 8.3 beside [8.4, 9.0]).
    #[test]
    fn a_printed_difference_stays_inside_its_printed_interval() {
        assert_eq!(
            fitted_decimals("threat", (23.84, 15.48), 8.36, Some((8.355, 9.0))),
            2
        );
        assert_eq!(
            fitted_decimals("threat", (23.84, 15.48), 8.36, Some((7.0, 9.0))),
            1
        );
    }

    #[test]
    fn differences_in_words_and_not_findings_said_plainly() {
        let mut a = example(6);
        a.groups = Some(GroupComparison {
            differences: vec![diff(-0.5, 7.1, "threat"), diff(2.6, 7.1, "conflict")],
            ..Default::default()
        });
        let f = compute(&a);
        assert_eq!(f.items[0].text, "post uses more conflict framing than herald: 6.2 vs 1.4 per 1,000 words, difference 4.8 [2.6, 7.1].");
        assert!(f.items[0].is_finding);
        assert!(!f.items[1].is_finding);
        assert!(
            f.items[1]
                .text
                .contains("the interval includes 0, so this is not a finding"),
            "{}",
            f.items[1].text
        );
        assert_eq!(f.items[0].section, SECTION_GROUPS);
    }

    #[test]
    fn headlines_that_lean_to_threat_are_a_finding_in_shares() {
        let lean = |threat_in_headline: f64| {
            let mut a = example(30);
            let j = a.frames.iter().position(|f| f == THREAT).unwrap();
            for art in &mut a.articles {
                for p in &mut art.positions {
                    p.hits.iter_mut().for_each(|h| *h = 2.0);
                    if p.part == "headline" {
                        p.hits[j] = threat_in_headline;
                    }
                }
            }
            compute(&a)
                .items
                .into_iter()
                .find(|x| x.kind == HEADLINE_VS_BODY)
        };
        let f = lean(12.0).unwrap();
        assert!(f.is_finding && f.difference.unwrap() > 0.0, "{f:?}");
        assert!(
            f.text.starts_with(
                "Headlines lean to threat more than the article bodies do: threat words are "
            ),
            "{}",
            f.text
        );
        assert_eq!(f.section, SECTION_POSITIONS);
        // The shares print with the difference's decimal, so that they add
        // up to it (whole percents, 24% and 15%, once sat beside 8.3 points).
        let (hs, bs) = (f.value_a.unwrap(), f.value_b.unwrap());
        let said = format!(
            "threat words are {}% of the frame words in the headlines and {}% in the bodies ({} percentage points",
            num(hs, 1),
            num(bs, 1),
            printed_difference(hs, bs, 1)
        );
        assert!(f.text.contains(&said), "{}", f.text);
        assert!(num(hs, 1).contains('.'), "{}", f.text);
        // The same share in both parts is no finding.
        let f = lean(2.0).unwrap();
        assert!(
            !f.is_finding && f.text.contains("do not differ clearly"),
            "{}",
            f.text
        );
        let f = lean(0.0).unwrap();
        assert!(
            f.is_finding && f.text.starts_with("Headlines lean to threat less"),
            "{}",
            f.text
        );
        // One threat match in all: the comparison is said to be impossible,
        // not left out.
        let mut a = example(30);
        let j = a.frames.iter().position(|f| f == THREAT).unwrap();
        for (i, art) in a.articles.iter_mut().enumerate() {
            for p in &mut art.positions {
                p.hits.iter_mut().for_each(|h| *h = 2.0);
                p.hits[j] = if i == 0 && p.part == "headline" {
                    1.0
                } else {
                    0.0
                };
            }
        }
        let f = compute(&a)
            .items
            .into_iter()
            .find(|x| x.kind == HEADLINE_VS_BODY)
            .unwrap();
        assert!(
            !f.is_finding
                && f.text.starts_with("Headlines and bodies are not compared on threat: the headlines hold too few of its matches (1 weighted match in all;"),
            "{}",
            f.text
        );
    }

    #[test]
    fn most_framed_articles_come_with_a_sentence() {
        let a = example(5);
        let f = compute(&a);
        let t = f.items.iter().find(|x| x.kind == MOST_THREAT).unwrap();
        assert!(
            t.text
                .starts_with("The most threat-framed article (ranked by the lower end")
                && t.text.contains(" is #"),
            "{}",
            t.text
        );
        assert_eq!(t.sentence, "Armed gangs roam the streets.");
        assert!(t.article_no >= 1);
        assert!(f.items.iter().any(|x| x.kind == MOST_REASSURANCE));
        assert!(f.items.iter().any(|x| x.kind == CAUTION));
        assert_eq!(f.comparison, "");
    }

    #[test]
    fn a_lead_with_a_near_duplicate_says_so() {
        let mut a = example(5);
        let lead = |a: &Analysis| {
            compute(a)
                .items
                .into_iter()
                .find(|x| x.kind == MOST_THREAT)
                .unwrap()
        };
        let no = lead(&a).article_no - 1;
        assert!(
            !lead(&a).text.contains("nearly the same"),
            "{}",
            lead(&a).text
        );
        let other = (no + 1) % a.articles.len();
        let other_id = a.articles[other].id.clone();
        let id = a.articles[no].id.clone();
        let c = a.clustering.as_mut().expect("the example is clustered");
        let x = c
            .assignments
            .iter_mut()
            .find(|x| x.article_id == id)
            .unwrap();
        (x.nearest_id, x.nearest_similarity) = (Some(other_id), Some(0.93));
        let text = lead(&a).text;
        assert!(
            text.contains(&format!(
                "Its wording is nearly the same as #{}'s (TF-IDF cosine similarity 0.93)",
                other + 1
            )),
            "{text}"
        );
    }

    /// Every article's score of `frame` set to `per_1k`.
    fn set_score(a: &mut Analysis, frame: &str, per_1k: f64) {
        let k = a.frames.iter().position(|f| f == frame).unwrap();
        for art in &mut a.articles {
            art.frames[k].per_1k = per_1k;
        }
    }

    /// The text of the most reassurance-framed article's finding.
    fn reassurance_lead(a: &Analysis) -> String {
        compute(a)
            .items
            .iter()
            .find(|x| x.kind == MOST_REASSURANCE)
            .map(|x| x.text.clone())
            .unwrap()
    }

    #[test]
    fn a_lead_outweighed_by_the_other_side_says_so() {
        let lead = |threat: f64, reassurance: f64| {
            let mut a = example(5);
            set_score(&mut a, THREAT, threat);
            set_score(&mut a, REASSURANCE, reassurance);
            reassurance_lead(&a)
        };
        let text = lead(143.3, 4.8);
        assert!(
            text.contains("Its threat words outnumber its reassurance words (143.3 against 4.8 per 1,000, 29 times as many);"),
            "{text}"
        );
        assert!(lead(6.0, 4.0).contains("(6.0 against 4.0 per 1,000);"));
        assert!(!lead(3.0, 4.8).contains("outnumber"));
        assert!(!lead(4.8, 4.8).contains("outnumber"));
    }

    #[test]
    fn articles_too_short_to_be_articles_are_named() {
        let mut a = example(6);
        for (i, art) in a.articles.iter_mut().enumerate() {
            art.words = [500, 9, 500, 49, 50, 800][i];
        }
        let f = compute(&a);
        let texts: Vec<&str> = f.items.iter().map(|x| x.text.as_str()).collect();
        assert!(
            texts.iter().any(|t| t.starts_with(
                "2 articles have fewer than 50 words after boilerplate was removed: #2 (9 words) and #4 (49 words)."
            )),
            "{texts:#?}"
        );
        for art in &mut a.articles {
            art.words = 50;
        }
        let f = compute(&a);
        assert!(!f
            .items
            .iter()
            .any(|x| x.text.contains("fewer than 50 words")));
    }

    #[test]
    fn near_duplicate_pairs_are_named_once() {
        let mut a = example(6);
        assert!(near_duplicates(&a).is_none());
        let c = a.clustering.as_mut().unwrap();
        // Articles 2 and 5 are each other's nearest; 3's nearest is 2.
        let id = |i: usize| Some(format!("{:03}_article", i));
        for (x, (near, sim)) in [(1, (4, 0.97)), (4, (1, 0.97)), (2, (1, 0.85))] {
            c.assignments[x].nearest_id = id(near);
            c.assignments[x].nearest_similarity = Some(sim);
        }
        let f = near_duplicates(&a).unwrap();
        assert_eq!(f.section, SECTION_CLUSTERS);
        assert!(
            f.text.starts_with("2 pairs of articles are nearly the same text (TF-IDF cosine similarity of at least 0.80 to each other): #2 and #3, #2 and #5. "),
            "{}",
            f.text
        );
        // A pair with one text twice says so.
        a.articles[1].sha256 = "ab".into();
        a.articles[4].sha256 = "ab".into();
        let f = near_duplicates(&a).unwrap();
        assert!(
            f.text.contains(
                "#2 and #3, #2 and #5 (identical). In 1 of them the two texts are identical. "
            ),
            "{}",
            f.text
        );
    }

    #[test]
    fn a_lead_carried_by_one_word_says_so() {
        let ev = |term: &str, count: usize| crate::model::Evidence {
            term: term.into(),
            entry: term.into(),
            count,
            weight: 1.0,
            example_sentence: "".into(),
        };
        let mut score = crate::model::FrameScore {
            evidence: vec![ev("attacker", 6), ev("killed", 3), ev("wounded", 3)],
            ..Default::default()
        };
        assert_eq!(
            one_word_carries(&score).as_deref(),
            Some("One lexicon entry gives 50% of its marked matches (“attacker”, 6 of 12): check in the reader that it is used in the frame's sense.")
        );
        score.evidence[0].entry = "attack".into();
        assert_eq!(
            one_word_carries(&score).as_deref(),
            Some("One lexicon entry gives 50% of its marked matches (“attack”, 6 of 12, most often as “attacker”): check in the reader that it is used in the frame's sense.")
        );
        // Spread over many words, or too few matches to say: nothing.
        score.evidence = (0..12).map(|i| ev(&format!("w{i}"), 1)).collect();
        assert_eq!(one_word_carries(&score), None);
        score.evidence = vec![ev("attacker", 5), ev("killed", 1)];
        assert_eq!(one_word_carries(&score), None);
    }

    #[test]
    fn a_handful_of_matches_names_no_framing() {
        let mut a = example(5);
        set_score(&mut a, THREAT, 1.0);
        let r = a.frames.iter().position(|f| f == REASSURANCE).unwrap();
        for (i, art) in a.articles.iter_mut().enumerate() {
            art.frames[r].hits = if i == 2 { 2.0 } else { 0.0 };
            art.frames[r].per_1k = art.frames[r].hits;
        }
        let text = reassurance_lead(&a);
        assert!(
            text.starts_with("Reassurance words are too rare in these articles to call any article reassurance-framed (2 weighted matches in all). The most are in #3 "),
            "{text}"
        );
        // Five matches are enough to name the most framed article.
        a.articles[0].frames[r].hits = 3.0;
        assert!(!reassurance_lead(&a).contains("too rare"));
    }

    #[test]
    fn the_reassurance_lead_is_an_article_that_leans_to_reassurance() {
        let mut a = example(5);
        set_score(&mut a, THREAT, 100.0);
        set_score(&mut a, REASSURANCE, 5.0);
        // Article 3 has fewer reassurance words than the others but more
        // than its threat words: it leads, not a list of attacks.
        let (t, r) = (0, 1);
        a.articles[2].frames[t].per_1k = 1.0;
        a.articles[2].frames[r].per_1k = 2.0;
        a.articles[2].frames[r].ci_low = Some(0.0);
        let f = compute(&a);
        let lead = f.items.iter().find(|x| x.kind == MOST_REASSURANCE).unwrap();
        assert_eq!(lead.article_no, 3, "{}", lead.text);
        assert!(
            lead.text.contains(
                "One article leans to reassurance (more reassurance than threat words), and its 95% interval reaches 0, so it is not clearly reassurance-framed: #3 "
            ),
            "{}",
            lead.text
        );
        assert!(!lead.text.contains("outnumber"), "{}", lead.text);
        // When none leans that way, the lead says so first.
        a.articles[2].frames[t].per_1k = 3.0;
        let text = reassurance_lead(&a);
        assert!(
            text.starts_with("No article leans to reassurance: every article with reassurance words has at least as many threat words."),
            "{text}"
        );
        assert!(text.contains("Its threat words outnumber"), "{text}");
    }

    /// Threat and reassurance lists without measurements, shipped or not.
    fn unmeasured_lists(shipped: [bool; 2]) -> Vec<crate::model::LexiconInfo> {
        ["threat", "reassurance"]
            .iter()
            .zip(shipped)
            .map(|(name, builtin)| crate::model::example_lexicon(name, builtin))
            .collect()
    }

    #[test]
    fn a_reassurance_lead_with_few_threat_words_says_so_for_the_shipped_list() {
        let lead = |shipped: [bool; 2], threat: f64| {
            let mut a = example(5);
            a.lexicons = unmeasured_lists(shipped);
            set_score(&mut a, THREAT, threat);
            reassurance_lead(&a)
        };
        let few = "It has few threat words";
        assert!(lead([true, true], 2.0).contains("It has few threat words (2.0 per 1,000)"));
        assert!(!lead([true, true], LOW_THREAT_PER_1K).contains(few));
        // 5.96 prints as 6.0: not "fewer than 6".
        assert!(!lead([true, true], 5.96).contains(few));
        // A list of the user's own was not measured: no figure is quoted.
        assert!(!lead([true, false], 2.0).contains(few));
        assert!(!lead([false, true], 2.0).contains(few));
    }

    #[test]
    fn frames_without_validation_are_named_in_a_caution_and_their_leads() {
        let mut a = example(5);
        a.lexicons = unmeasured_lists([true, true]);
        let f = compute(&a);
        let c = f
            .items
            .iter()
            .find(|x| x.kind == CAUTION && x.text.starts_with("Frames not validated"))
            .expect("a caution naming the frames without validation");
        assert!(c.text.contains("reassurance"), "{}", c.text);
        assert_eq!(c.section, SECTION_VALIDITY);
        let r = f.items.iter().find(|x| x.kind == MOST_REASSURANCE).unwrap();
        assert!(
            r.text.contains("Reassurance was not validated against human coding: read the article before relying on the score."),
            "{}",
            r.text
        );
    }
}
