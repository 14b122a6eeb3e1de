//! The word-sense rules of the default lexicons (lexicons/README.md, "Word
//! senses", and the "Not counted" notes of each list): for each rule, a
//! sentence where the word counts for its frame and one where the rule
//! keeps it from counting; also the scorer's rule that a condition or hope
//! leaves reassurance unasserted. The sentences were written for this test; none
//! comes from a corpus the lists were checked against.

mod common;
use common::*;
use std::collections::BTreeMap;

/// (frame, a sentence where it counts, a sentence where the rule drops it).
const CASES: &[(&str, &str, &str)] = &[
    // threat: names of law and its institutions, genres, set phrases.
    (
        "threat",
        "A criminal gang robbed the shop.",
        "The case went to the International Criminal Court.",
    ),
    (
        "threat",
        "Crime rose in the city centre.",
        "She writes a crime novel every year.",
    ),
    (
        "threat",
        "Criminal gangs run the port.",
        "The prosecutor opened a criminal investigation into the firm.",
    ),
    (
        "threat",
        "The war has displaced millions.",
        "After the Second World War the town grew quickly.",
    ),
    (
        "threat",
        "The crisis left thousands without food.",
        "A report by the International Crisis Group came out today.",
    ),
    (
        "morality",
        "Victims demand justice for the massacre.",
        "The Department of Justice declined to comment.",
    ),
    (
        "morality",
        "They pray to God for forgiveness.",
        "Oh my God, he said, looking at the score.",
    ),
    (
        "threat",
        "The flooding puts homes at risk.",
        "The bank hired a head of risk management.",
    ),
    (
        "threat",
        "Police issued a warning to residents to stay indoors.",
        "Shane Warne took five wickets before lunch.",
    ),
    // Responders, protective systems, justice and names.
    (
        "threat",
        "The bomb went off near the market.",
        "The bomb squad finished its search of the station.",
    ),
    (
        "threat",
        "A missile struck the building.",
        "The country deployed a missile defence system.",
    ),
    (
        "threat",
        "The death toll rose overnight.",
        "He spent twenty years on death row.",
    ),
    (
        "threat",
        "A severe weather alert was issued.",
        "Spoiler alert: the hero survives.",
    ),
    (
        "threat",
        "A gang robbed the shop.",
        "The Gang of Eight met the president.",
    ),
    // The verb "warn" reports a speech act: the danger is in what is warned of.
    (
        "threat",
        "A flood warning is in force for the valley.",
        "The minister warned that the plan would cost the party votes.",
    ),
    // Stems that are also surnames or other words: exact forms.
    (
        "human_interest",
        "The family was shattered by the news.",
        "Former minister Alan Shatter lost his appeal.",
    ),
    (
        "economic",
        "The government imposed austerity on the public sector.",
        "The novelist Paul Auster read from his new book.",
    ),
    (
        "threat",
        "Artillery bombarded the town overnight.",
        "Bombardier delivered two new trains.",
    ),
    (
        "responsibility",
        "Residents signed a petition to the council.",
        "The shop sells petite sizes.",
    ),
    (
        "threat",
        "Police issued an alert about the gunman.",
        "Sign up for breaking news alerts.",
    ),
    (
        "threat",
        "A wildfire destroyed forty homes.",
        "The rumour spread like wildfire online.",
    ),
    (
        "threat",
        "The war forced thousands to flee.",
        "The new Star Wars film opened on Friday.",
    ),
    (
        "threat",
        "A man was stabbed in the street.",
        "He felt stabbed in the back by his party.",
    ),
    (
        "threat",
        "The gang threatened to burn the shop.",
        "The senator threatened to resign over the vote.",
    ),
    (
        "threat",
        "The explosion shattered windows across the street.",
        "The paper published explosive allegations about the mayor.",
    ),
    (
        "threat",
        "The war left the region in ruins.",
        "The two firms started a price war.",
    ),
    (
        "threat",
        "Troops massed on the border before the war.",
        "Both leaders fought a war of words on television.",
    ),
    (
        "threat",
        "The attack left three people in hospital.",
        "The campaign released an attack ad on Monday.",
    ),
    (
        "threat",
        "The children suffered years of abuse.",
        "The minister was accused of abuse of power.",
    ),
    (
        "threat",
        "Residents were hostile to the armed men.",
        "The bank fought off a hostile takeover.",
    ),
    (
        "threat",
        "A blast shook the building.",
        "The senator blasted the proposal.",
    ),
    (
        "threat",
        "The plague spread through the port.",
        "The project was plagued by delays.",
    ),
    (
        "threat",
        "The victim was taken to hospital.",
        "He likes to play the victim in every debate.",
    ),
    (
        "threat",
        "A fatal crash closed the road.",
        "The plan has one fatal flaw.",
    ),
    (
        "threat",
        "Police found the dead man on the stairs.",
        "The talks reached a dead end.",
    ),
    (
        "threat",
        "The lynching shocked the town.",
        "Loretta Lynch spoke to reporters.",
    ),
    (
        "threat",
        "He was diagnosed with cancer last year.",
        "The committee met on Tuesday afternoon.",
    ),
    (
        "threat",
        "She was taken to intensive care.",
        "She was taken to the library.",
    ),
    (
        "threat",
        "Many people fell sick after the meal.",
        "Workers took sick leave in March.",
    ),
    // conflict: the stemmer's collisions.
    (
        "conflict",
        "The result was contested by the opposition.",
        "The contestants sang on the show.",
    ),
    (
        "conflict",
        "Critics slam the new policy.",
        "She won her first grand slam title.",
    ),
    // human interest: titles.
    (
        "human_interest",
        "The baby was born on Friday.",
        "He watched Million Dollar Baby again.",
    ),
    // conflict: a party denying a claim, not a refusal.
    (
        "conflict",
        "The minister denied the claims.",
        "The suspect was denied bail.",
    ),
    // human interest: the people a problem falls on, not an idiom.
    (
        "human_interest",
        "The victim was taken to hospital.",
        "He likes to play the victim at meetings.",
    ),
    // responsibility: vendors' product names.
    (
        "responsibility",
        "Ministers must find a solution to the crisis.",
        "The firm sells business solutions.",
    ),
    // responsibility: measures a government takes, not sizes.
    (
        "responsibility",
        "The council announced new measures to clear the roads.",
        "The new bridge measures forty metres.",
    ),
    // responsibility: acting against a problem, not an agency's name.
    (
        "responsibility",
        "The city wants to prevent more floods.",
        "She spoke for the Centers for Disease Control and Prevention.",
    ),
    // reassurance: the senses that reassure, not their look-alikes.
    (
        "reassurance",
        "Officials said the residents will be safe in the shelter.",
        "Schools should be safe places for children.",
    ),
    (
        "reassurance",
        "Police gave the all clear at noon.",
        "Just so we are all clear on the plan.",
    ),
    (
        "reassurance",
        "Residents should follow the advice of officials.",
        "Lew followed the advice of a friend.",
    ),
    (
        "reassurance",
        "Firefighters were stood down.",
        "The company stood down from its dispute.",
    ),
    (
        "reassurance",
        "There is no risk to the public.",
        "He runs no risk of losing his seat.",
    ),
    (
        "reassurance",
        "The virus does not pose a risk to people.",
        "The report was published on Friday.",
    ),
    (
        "reassurance",
        "The missing girl was found safe.",
        "The missing girl was found in a barn.",
    ),
    (
        "reassurance",
        "The lockdown was lifted on Monday.",
        "The lockdown began on Monday.",
    ),
    (
        "reassurance",
        "Two hikers were airlifted to safety.",
        "The ward was closed due to safety concerns.",
    ),
    (
        "reassurance",
        "The gas that leaked is harmless.",
        "The judge called the mistake a harmless error.",
    ),
    (
        "reassurance",
        "The passengers came to no harm.",
        "There is no harm in asking the mayor.",
    ),
    (
        "reassurance",
        "She is expected to make a full recovery.",
        "The economy will see a full recovery next year.",
    ),
    (
        "reassurance",
        "Firefighters say the blaze is under control.",
        "The reactor site is under control of the inspectors.",
    ),
    (
        "reassurance",
        "Doctors say the infection is treatable.",
        "Children are dying of treatable diseases.",
    ),
    (
        "threat",
        "Two men died in a shooting outside the bar.",
        "Coal prices were stable before shooting up in July.",
    ),
    (
        "threat",
        "The blaze destroyed three homes.",
        "The two ministers had a blazing row over the budget.",
    ),
    (
        "threat",
        "The war has killed thousands this year.",
        "He served in the Korean War as a young man.",
    ),
    (
        "threat",
        "Villagers fear another attack.",
        "The officer found that she had a credible fear.",
    ),
    (
        "threat",
        "Children suffered abuse at the home.",
        "The firm was fined for abuse of a dominant position.",
    ),
    // reassurance: a condition, question or hope leaves it unasserted
    // (lexicons/README.md, "Conditions and hopes").
    (
        "reassurance",
        "Officials said it is safe to return.",
        "Residents must stay away until it is safe to return.",
    ),
    (
        "reassurance",
        "No one was hurt in the fire.",
        "We hope no one was hurt in the fire.",
    ),
    (
        "reassurance",
        "The outbreak is under control.",
        "It is not clear whether the outbreak is under control.",
    ),
    (
        "reassurance",
        "The tap water is safe to drink.",
        "Is the tap water safe to drink?",
    ),
    // Entries with a gap (`no ... were hurt`): the gap holds the people or the
    // risk; a pattern that starts with "no" does not match at "no matter".
    (
        "reassurance",
        "No passengers were hurt when the bus overturned.",
        "No matter how many were hurt, the race went on.",
    ),
    (
        "reassurance",
        "Officials said the risk to residents is low.",
        "Officials said the risk to residents is not low.",
    ),
];

/// Each text's score for each frame, from `frame score` on a table.
fn scores(texts: &[&str]) -> Vec<BTreeMap<String, String>> {
    let tmp = tempfile::tempdir().unwrap();
    let table = tmp.path().join("texts.csv");
    let mut w = csv::Writer::from_path(&table).unwrap();
    w.write_record(["id", "text"]).unwrap();
    for (i, t) in texts.iter().enumerate() {
        w.write_record([i.to_string().as_str(), t]).unwrap();
    }
    w.flush().unwrap();
    let r = run(frame().arg("score").arg(&table).args(["--id-column", "id"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    csv_text_maps(&r.stdout)
}

#[test]
fn each_rule_keeps_the_sense_and_drops_the_look_alike() {
    let texts: Vec<&str> = CASES.iter().flat_map(|(_, yes, no)| [*yes, *no]).collect();
    let s = scores(&texts);
    let score = |i: usize, frame: &str| -> f64 { s[i][frame].parse().unwrap() };
    let mut wrong = Vec::new();
    for (k, (frame, yes, no)) in CASES.iter().enumerate() {
        if score(2 * k, frame) <= 0.0 {
            wrong.push(format!("{frame} should count in: {yes}"));
        }
        if score(2 * k + 1, frame) != 0.0 {
            wrong.push(format!("{frame} should not count in: {no}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
