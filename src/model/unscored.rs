//! `analysis.json` for a part, voice or sentence of 0 words (an article
//! saved without its headline, a speaker quoted in too few words to count,
//! a sentence of only a number or punctuation): it has no rate and no
//! sentiment, so they are `null`, as `positions.csv`, `voices.csv` and
//! `sentences.csv` leave them empty. A 0 would read as "no frame words" and
//! pull the means computed from the JSON down; a sentence's own compound
//! (an emoticon has one) is not part of its article's sentiment.

use super::{PositionScore, SentenceScore, VoiceScore};
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// Each rate, or `null` for all of them when there are no words.
fn rates(per_1k: &[f64], words: usize) -> Vec<Option<f64>> {
    per_1k.iter().map(|&x| (words > 0).then_some(x)).collect()
}

impl Serialize for PositionScore {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PositionScore", 5)?;
        st.serialize_field("part", &self.part)?;
        st.serialize_field("words", &self.words)?;
        st.serialize_field("sentiment", &(self.words > 0).then_some(&self.sentiment))?;
        st.serialize_field("hits", &self.hits)?;
        st.serialize_field("per_1k", &rates(&self.per_1k, self.words))?;
        st.end()
    }
}

impl Serialize for VoiceScore {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("VoiceScore", 8)?;
        st.serialize_field("voice", &self.voice)?;
        st.serialize_field("speaker", &self.speaker)?;
        st.serialize_field("quotes", &self.quotes)?;
        st.serialize_field("words", &self.words)?;
        st.serialize_field("sentiment", &(self.words > 0).then_some(&self.sentiment))?;
        st.serialize_field("sentences", &self.sentences)?;
        st.serialize_field("hits", &self.hits)?;
        // Under RATE_MIN_WORDS words a rate is one match's accident, as
        // voices.csv leaves it.
        let rated = if super::voice_has_rates(self.words) {
            self.words
        } else {
            0
        };
        st.serialize_field("per_1k", &rates(&self.per_1k, rated))?;
        st.end()
    }
}

impl Serialize for SentenceScore {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("SentenceScore", 5)?;
        st.serialize_field("sentence_no", &self.sentence_no)?;
        st.serialize_field("text", &*self.text)?;
        st.serialize_field("words", &self.words)?;
        st.serialize_field("sentiment", &(self.words > 0).then_some(&self.sentiment))?;
        st.serialize_field("hits", &self.hits)?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_without_words_has_null_sentiment() {
        let mut sentence = SentenceScore {
            sentence_no: 2,
            text: ":-)".into(),
            words: 0,
            sentiment: 0.36,
            hits: vec![0.0],
        };
        let j = serde_json::to_value(&sentence).unwrap();
        assert!(j["sentiment"].is_null());
        assert_eq!(j["text"], ":-)");
        assert_eq!(j["hits"], serde_json::json!([0.0]));
        sentence.words = 1;
        let j = serde_json::to_value(&sentence).unwrap();
        assert_eq!(j["sentiment"], 0.36);
    }

    #[test]
    fn a_part_without_words_has_null_rates_and_sentiment() {
        let none = PositionScore {
            part: "headline".into(),
            words: 0,
            hits: vec![0.0, 0.0],
            per_1k: vec![0.0, 0.0],
            ..Default::default()
        };
        let j = serde_json::to_value(&none).unwrap();
        assert_eq!(j["per_1k"], serde_json::json!([null, null]));
        assert!(j["sentiment"].is_null());
        assert_eq!(j["hits"], serde_json::json!([0.0, 0.0]));
        let some = PositionScore {
            words: 10,
            ..none.clone()
        };
        let j = serde_json::to_value(&some).unwrap();
        assert_eq!(j["per_1k"], serde_json::json!([0.0, 0.0]));
        assert_eq!(j["sentiment"]["compound"], 0.0);
        let voice = VoiceScore {
            voice: "quote".into(),
            per_1k: vec![3.0],
            ..Default::default()
        };
        let j = serde_json::to_value(&voice).unwrap();
        assert_eq!(j["per_1k"], serde_json::json!([null]));
        assert_eq!(j["voice"], "quote");
    }
}
