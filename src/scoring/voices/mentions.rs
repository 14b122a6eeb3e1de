//! The people the narration names as speaking, for the pronoun rule
//! (`pronouns.rs`): a name before a speech verb ("Lord Harris told the
//! House of Lords ...") and a name after "according to" ("..., according
//! to Zhang Xu, an analyst."). A later "he says" mostly goes on with the
//! person so introduced, even where an older quote had another speaker.

use super::context_words::{
    acronym, capitalised, ends_with_participle_aside, lower_in, verb_at, Item, Items,
};
use super::pronouns::Antecedent;
use super::words::{DETERMINERS, PRONOUNS};

/// Names the narration gives as speaking, outside the quotes (`quotes`:
/// their text spans), each with the offset of its speech verb or of
/// "according", in text order. `backward` reads a speaker before a verb
/// (the text before it, the verb) and `forward` one after "according to"
/// (the text after it): the attribution rules of `speakers.rs`, passed in
/// so that this module and that one do not import each other.
pub(super) fn narration_mentions(
    text: &str,
    sentences: &[(usize, usize)],
    quotes: &[(usize, usize)],
    backward: fn(&str, &str) -> Option<String>,
    forward: fn(&str) -> Option<String>,
) -> Vec<Antecedent> {
    // Quotes are in text order and do not overlap: found by halving.
    let in_quote = |i: usize| {
        let k = quotes.partition_point(|&(a, _)| a <= i);
        k > 0 && i < quotes[k - 1].1
    };
    let mut mentions = Vec::new();
    for &(a, b) in sentences {
        let sent = &text[a..b];
        let mut prev: Option<(usize, usize)> = None;
        // A speech verb before "according to" in the sentence ("a former
        // judge said, according to Amnesty") makes what follows the source
        // of someone else's words.
        let mut spoken = false;
        for it in Items::new(sent) {
            let Item::Word(x, y) = it else {
                prev = None;
                continue;
            };
            if in_quote(a + x) {
                prev = None;
                continue;
            }
            if verb_at(sent, x, y) {
                if let Some(n) = backward(&sent[..x], &sent[x..y]) {
                    // A name with an aside such as "reporting from
                    // Kabul" is mostly a reporter, whom a later pronoun
                    // seldom stands for.
                    if !lower_in(&n, PRONOUNS) && !ends_with_participle_aside(&sent[..x]) {
                        mentions.push((a + x, n));
                    }
                }
            }
            if let Some((p, q)) = prev {
                if lower_in(&sent[p..q], &["according"])
                    && lower_in(&sent[x..y], &["to"])
                    && !spoken
                {
                    if let Some(n) = according_mention(&sent[y..], forward) {
                        mentions.push((a + p, n));
                    }
                }
            }
            spoken |= verb_at(sent, x, y);
            prev = Some((x, y));
        }
    }
    mentions
}

/// The person named right after "according to" (`rest`: the text after
/// it), if the name is shaped like a person's: no acronym ("Haberturk TV",
/// "the WFP") and no article before a capitalised name ("The Associated
/// Press"), which mostly cite an outlet or a body, not someone a later
/// "he" stands for; and not followed by a pronoun that opens the report
/// ("According to Haberturk TV, he made a statement"): the pronoun is the
/// one who spoke, the name only the source.
fn according_mention(rest: &str, forward: fn(&str) -> Option<String>) -> Option<String> {
    let n = forward(rest).filter(|n| !lower_in(n, PRONOUNS))?;
    let ws: Vec<&str> = n.split(' ').collect();
    let institution =
        ws.len() > 1 && lower_in(ws[0], DETERMINERS) && ws.last().is_some_and(|w| capitalised(w));
    let after = rest.trim_start().strip_prefix(n.as_str()).unwrap_or("");
    let pronoun_next = after.trim_start().strip_prefix(',').is_some_and(|t| {
        t.split_whitespace()
            .next()
            .is_some_and(|w| lower_in(w, PRONOUNS))
    });
    (!institution && !ws.iter().any(|w| acronym(w)) && !pronoun_next).then_some(n)
}

#[cfg(test)]
mod tests {
    use crate::scoring::voices::quotes;

    fn who(text: &str) -> Vec<String> {
        quotes(text)
            .iter()
            .map(|q| q.as_written().to_string())
            .collect()
    }

    #[test]
    fn a_pronoun_after_according_to_stands_for_its_name() {
        let t = "Zhang Lei said: \u{201c}We look forward to it.\u{201d} The battle goes on, \
                 according to Zhang Xu, an analyst. \u{201c}Both sides have cash,\u{201d} he says.";
        assert_eq!(who(t), ["Zhang Lei", "Zhang Xu"]);
        // The source of someone else's words, an outlet, and a source
        // whose report opens with the pronoun are no speakers.
        let t = "\u{201c}He is convicted,\u{201d} a former judge said, according to Amnesty. \
                 \u{201c}This is no court,\u{201d} he said.";
        assert_eq!(who(t), ["a former judge", "a former judge"]);
        let t = "Mr Li said: \u{201c}We look forward to it.\u{201d} Mr Li's firm grew, according \
                 to The Associated Press. \u{201c}Both sides have cash,\u{201d} he says.";
        assert_eq!(who(t), ["Mr Li", "Mr Li"]);
        let t = "Mr Li said: \u{201c}We look forward to it.\u{201d} According to Haberturk TV, he \
                 spoke on a plane. \u{201c}Both sides have cash,\u{201d} he says.";
        assert_eq!(who(t), ["Mr Li", "Mr Li"]);
    }
}
