//! Held-out check of the built-in threat and reassurance lists and the
//! negation rules on labelled sentences.
//!
//! The sentences were written for this test in the style of general news
//! (crime, war, disasters, disease, accidents); none is taken from `seeds/`
//! or any other corpus the lists were looked at against. Each is labelled
//! with the side a reader would put it on: `T` when it presents danger,
//! `R` when it presents safety, calm or control. They cover plain
//! vocabulary, negated threat ("no one was hurt"), negated reassurance
//! ("not safe"), and negator words that do not negate ("without warning",
//! "no doubt", a negator cut off by a comma).
//!
//! A sentence counts as right when its threat balance has the label's sign;
//! a tie (balance 0) is wrong. The bar is 90%: the lists are word counts,
//! and a few sentences here are deliberately hard (the frame lies in the
//! sentence's structure, not its words), so 100% is not expected. Do not
//! edit a sentence or its label to make this pass: change the lists or the
//! rules, or accept the lower score.

use frame::input::Document;
use frame::model::language::Language;
use frame::scoring::sentiment::{SentimentAnalyzer, SentimentLexicon};
use frame::scoring::{FrameScorer, DEFAULT_NEGATION_WINDOW};
use frame::text::filters::StopWords;
use frame::text::tokens::tokenize_corpus;

const SENTENCES: &[(char, &str)] = &[
    // Threat vocabulary.
    ('T', "Gunmen opened fire on a crowded market, killing six people."),
    ('T', "Two men were shot dead outside a nightclub early on Sunday."),
    ('T', "Thousands of residents fled as the wildfire spread towards the town."),
    ('T', "Three soldiers were wounded when their convoy was ambushed."),
    ('T', "A worker was badly hurt in an explosion at the chemical plant."),
    ('T', "The shooter is still at large and officers are searching the area."),
    ('T', "Hospitals are overwhelmed as the outbreak spreads to neighbouring provinces."),
    ('T', "Flooding has cut off several villages and more heavy rain is forecast."),
    ('T', "Dozens died in a night of bloody street battles."),
    ('T', "Officials warned that the new variant could infect thousands more people."),
    ('T', "A teenager was stabbed to death in a park on Friday evening."),
    ('T', "The hurricane destroyed homes and left the coastal town without power."),
    // Reassurance vocabulary.
    ('R', "All forty passengers escaped unharmed and the train later resumed its journey."),
    ('R', "Officials said the outbreak had been contained and the risk to the public remains very low."),
    ('R', "The climber is recovering in hospital and is said to be in good spirits."),
    ('R', "Schools will reopen on Monday and life in the town is returning to normal."),
    ('R', "Police described the stabbing as an isolated incident and said there was no wider risk to the community."),
    ('R', "Residents expressed relief after firefighters brought the blaze under control."),
    ('R', "A suspect is in custody and the area has been declared safe."),
    ('R', "Doctors said the patient was stable and no longer in danger."),
    ('R', "The threat has passed and people can go about their business as usual."),
    ('R', "Health officials stressed that the risk to most people is low."),
    ('R', "Rescuers brought all twelve miners to safety after a three-day operation."),
    ('R', "Officials reassured travellers that flights would resume as normal on Tuesday."),
    // Negated threat: reassurance.
    ('R', "There is no danger to the public, the fire service said."),
    ('R', "Tests showed the leak was not dangerous."),
    ('R', "Nobody was hurt in the incident."),
    ('R', "No one was injured when the lorry overturned."),
    ('R', "The march passed off without any violence."),
    ('R', "Police said there was no threat to public safety."),
    ('R', "There were no injuries and no arrests."),
    ('R', "Experts said the virus poses no risk to humans."),
    // Negated reassurance: threat.
    ('T', "The building is not safe to enter."),
    ('T', "Firefighters said the blaze was not yet under control."),
    ('T', "The organisers could not guarantee the safety of the marchers."),
    ('T', "The authorities did not protect the victims."),
    ('T', "No one in the valley is safe while the gang remains free."),
    ('T', "Doctors warned that the patient was no longer stable."),
    // Negator words that do not negate the frame word.
    ('T', "Without warning, gunmen attacked the village."),
    ('T', "No, officials said, the bombing was deliberate."),
    ('T', "No doubt the explosion was deliberate."),
    ('T', "Without warning the floods swept through the valley."),
    ('T', "The attack was not only brutal but planned."),
    ('T', "No matter the danger, volunteers stayed to help."),
    ('T', "It was nothing short of carnage."),
    ('T', "There was nothing but chaos in the streets."),
    ('T', "Without hesitation, the soldiers opened fire on the crowd."),
    ('R', "Not a single shot was fired, and the crowd dispersed peacefully."),
];

/// The threat balance of each sentence, scored as its own article with the
/// built-in lists.
fn balances() -> Vec<f64> {
    let docs: Vec<Document> = SENTENCES
        .iter()
        .enumerate()
        .map(|(i, (_, s))| Document {
            id: format!("s{i}"),
            text: (*s).to_string(),
            ..Default::default()
        })
        .collect();
    let en = Language::english();
    let tc = tokenize_corpus(&docs, &en, &StopWords::new(en.stop_words()));
    let lexicons = frame::lexicon::builtin();
    let scorer = FrameScorer::new(&lexicons, &tc.vocab, &en, DEFAULT_NEGATION_WINDOW);
    let senti = SentimentAnalyzer::new(SentimentLexicon::builtin());
    docs.iter()
        .zip(&tc.docs)
        .map(|(d, td)| {
            scorer
                .score(&d.text, td, &tc.vocab, &senti)
                .threat_balance
                .unwrap_or(0.0)
        })
        .collect()
}

#[test]
fn labelled_sentences_fall_on_the_right_side() {
    let b = balances();
    let mut wrong = Vec::new();
    for ((label, s), bal) in SENTENCES.iter().zip(&b) {
        let ok = match label {
            'T' => *bal > 0.0,
            'R' => *bal < 0.0,
            _ => unreachable!("labels are T or R"),
        };
        if !ok {
            wrong.push(format!("{label} {bal:+.2} {s}"));
        }
    }
    let right = SENTENCES.len() - wrong.len();
    let accuracy = right as f64 / SENTENCES.len() as f64;
    eprintln!(
        "held-out framing sentences: {right}/{} right ({:.0}%)",
        SENTENCES.len(),
        accuracy * 100.0
    );
    for w in &wrong {
        eprintln!("  wrong: {w}");
    }
    assert!(
        accuracy >= 0.9,
        "{right}/{} right, below 90%:\n{}",
        SENTENCES.len(),
        wrong.join("\n")
    );
}

#[test]
fn both_labels_are_well_represented() {
    let t = SENTENCES.iter().filter(|(l, _)| *l == 'T').count();
    let r = SENTENCES.len() - t;
    assert!(SENTENCES.len() >= 40 && t >= 15 && r >= 15, "{t} T, {r} R");
}
