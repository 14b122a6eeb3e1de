//! The word lists of speaker attribution (see `speakers.rs`): speech
//! verbs, the words a name is read through or stopped by, and the nouns that
//! make a phrase a speaker.

/// Articles: the words that open a noun phrase ("a spokesman", "the Home Office").
pub(super) const DETERMINERS: &[&str] = &["a", "an", "the"];

/// Subject pronouns that may stand for a speaker named before.
pub(super) const PRONOUNS: &[&str] = &["he", "she", "they"];

/// Subject pronouns that stand for no person to quote ("it" is an agency or
/// a paper, "we" and "you" the speaker's group or the reader).
pub(super) const NON_PERSON_PRONOUNS: &[&str] = &["it", "we", "you"];

/// Words that are never a speaker on their own: possessives and
/// demonstratives open a noun phrase ("His claims could not be verified",
/// "This was denied") and name nobody until their noun.
pub(super) const NEVER_ALONE: &[&str] = &[
    "his", "her", "hers", "its", "their", "theirs", "our", "my", "your", "this", "that", "these",
    "those", "it", "we", "i", "you",
];

/// Relative pronouns: after a comma they open an aside about the name
/// before it ("Lord Harris, who advised the mayor, told").
pub(super) const RELATIVES: &[&str] = &["who", "which", "whose"];

/// Abbreviations that keep their full stop inside a name ("Mr. Smith").
pub(super) const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sgt", "insp", "supt", "det", "cllr", "prof", "rev", "gen",
    "col", "lt", "capt", "gov", "sen", "rep", "jr", "sr",
];

/// Verbs that introduce or follow a quote.
pub(super) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "warned",
    "warns",
    "explained",
    "explains",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "stated",
    "states",
    "argued",
    "argues",
    "asked",
    "asks",
    "commented",
    "declared",
    "noted",
    "notes",
    "wrote",
    "writes",
    "admitted",
    "admits",
    "continued",
    "replied",
    "acknowledged",
    "suggested",
    "urged",
    "revealed",
    "confirmed",
    "announced",
    "tweeted",
    "saying",
    "adding",
    "warning",
    "insisting",
    "claiming",
    "telling",
    "explaining",
    "arguing",
    "stressed",
    "stresses",
    "remarked",
    "asserted",
    "asserts",
    "mentioned",
    "emphasised",
    "emphasized",
    "described",
    "describing",
    "called",
    "calling",
    "recalled",
    "shouted",
    "tweeted",
    "posted",
];

/// The forms of "call" among [`SPEECH_VERBS`], and the particles after
/// them that make another verb of them ("called for a boycott", "called
/// off the strike"): see `context_words::phrasal_call` for why these are
/// no report of a quote before them.
pub(super) const CALL_VERBS: &[&str] = &["called", "calling"];
pub(super) const CALL_PARTICLES: &[&str] = &["for", "on", "upon", "off", "up", "in", "into", "by"];

/// Verbs that report speech only right beside their quote ("Ms Foster
/// responded: “…”", "“…,” Sessions responded."); elsewhere they mostly
/// report an action ("police responded to the call", "responded with
/// sanctions"), so they are no [`SPEECH_VERBS`].
pub(super) const REPLY_VERBS: &[&str] = &["responded", "responds"];

/// Speech verbs that go on with what the speaker said: "Ms Roy added:"
/// after a quote says Ms Roy spoke that quote too.
pub(super) const CONTINUING_VERBS: &[&str] = &["added", "adds", "continued", "continues"];

/// Words allowed between a speaker and the verb ("Ms Dick has also said").
pub(super) const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "previously",
    "today",
    "yesterday",
    "earlier",
    "once",
    "further",
    "separately",
    "reportedly",
    "recently",
    "again",
    "simply",
    "just",
    "publicly",
    "repeatedly",
    "herself",
    "himself",
];

/// Plural nouns that name a speaker on their own ("critics say").
pub(super) const BARE_SPEAKERS: &[&str] = &[
    "police",
    "officers",
    "officials",
    "witnesses",
    "residents",
    "critics",
    "campaigners",
    "sources",
    "experts",
    "neighbours",
    "neighbors",
    "ministers",
    "protesters",
    "activists",
    "locals",
    "relatives",
    "prosecutors",
    "detectives",
    "paramedics",
    "organisers",
    "organizers",
    "investigators",
    "analysts",
    "economists",
    "researchers",
    "scientists",
    "opponents",
    "supporters",
    "doctors",
    "teachers",
    "parents",
    "students",
    "unions",
    "mps",
    "councillors",
];

/// Bodies that speak for people ("the local council", "the ministry"):
/// person-like nouns ([`PERSON_NOUNS`]) and, being no one person, no "he"
/// or "she" either ([`BODY_NOUNS`]).
const SPEAKING_BODIES: [&str; 32] = [
    "police",
    "government",
    "council",
    "ministry",
    "department",
    "force",
    "company",
    "firm",
    "union",
    "party",
    "agency",
    "charity",
    "organisation",
    "organization",
    "authority",
    "authorities",
    "board",
    "committee",
    "office",
    "service",
    "court",
    "hospital",
    "school",
    "university",
    "federation",
    "association",
    "commission",
    "group",
    "team",
    "club",
    "campaign",
    "family",
];

/// Nouns that make a lower-case "a/an/the ..." phrase a speaker: people and
/// the bodies that speak for them ("a spokeswoman", "the local council"), so
/// that "the guidance adds" or "the report says" name nobody. Plurals are
/// matched by their singular.
pub(super) const PERSON_NOUNS: &[&str] = &joined::<113, 32, 145>(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespeople",
        "source",
        "official",
        "minister",
        "secretary",
        "officer",
        "commissioner",
        "chief",
        "head",
        "leader",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "president",
        "mayor",
        "councillor",
        "inspector",
        "detective",
        "superintendent",
        "constable",
        "sergeant",
        "commander",
        "deputy",
        "member",
        "mp",
        "resident",
        "witness",
        "eyewitness",
        "neighbour",
        "neighbor",
        "victim",
        "relative",
        "friend",
        "mother",
        "father",
        "parent",
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "man",
        "woman",
        "men",
        "women",
        "boy",
        "girl",
        "person",
        "people",
        "expert",
        "analyst",
        "economist",
        "researcher",
        "scientist",
        "professor",
        "academic",
        "doctor",
        "nurse",
        "lawyer",
        "solicitor",
        "barrister",
        "judge",
        "prosecutor",
        "coroner",
        "campaigner",
        "activist",
        "protester",
        "critic",
        "teacher",
        "student",
        "worker",
        "owner",
        "shopkeeper",
        "manager",
        "executive",
        "founder",
        "governor",
        "senator",
        "representative",
        "lawmaker",
        "politician",
        "candidate",
        "agent",
        "adviser",
        "advisor",
        "aide",
        "ambassador",
        "envoy",
        "general",
        "captain",
        "soldier",
        "paramedic",
        "firefighter",
        "medic",
        "surgeon",
        "survivor",
        "bystander",
        "passenger",
        "driver",
        "organiser",
        "organizer",
        "investigator",
        "regulator",
        "spokesmen",
        "spokeswomen",
        "staff",
        "insider",
        "observer",
    ],
    SPEAKING_BODIES,
);

/// Head nouns of bodies that speak but are no "he" or "she" ("the
/// ministry", "the Libyan Interior Ministry"): the [`SPEAKING_BODIES`] and
/// a few that never make a lower-case phrase a speaker on their own.
pub(super) const BODY_NOUNS: &[&str] = &joined::<5, 32, 37>(
    [
        "embassy",
        "military",
        "army",
        "administration",
        "parliament",
    ],
    SPEAKING_BODIES,
);

/// The words of `a`, then those of `b`, as one list (`N` = `A + B`,
/// checked when compiled).
const fn joined<const A: usize, const B: usize, const N: usize>(
    a: [&'static str; A],
    b: [&'static str; B],
) -> [&'static str; N] {
    assert!(A + B == N);
    let mut out = [""; N];
    let mut i = 0;
    while i < A {
        out[i] = a[i];
        i += 1;
    }
    while i < N {
        out[i] = b[i - A];
        i += 1;
    }
    out
}

/// Words that mark a man in a speaker's name ("Mr Li", "a spokesman").
pub(super) const MALE_WORDS: &[&str] = &[
    "mr",
    "sir",
    "lord",
    "king",
    "prince",
    "father",
    "husband",
    "son",
    "brother",
    "man",
    "spokesman",
    "chairman",
    "congressman",
    "businessman",
    "boy",
    "uncle",
    "grandfather",
    "nephew",
];

/// Words that mark a woman in a speaker's name ("Ms Roy", "a spokeswoman").
pub(super) const FEMALE_WORDS: &[&str] = &[
    "mrs",
    "ms",
    "miss",
    "lady",
    "dame",
    "queen",
    "princess",
    "mother",
    "wife",
    "daughter",
    "sister",
    "woman",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "businesswoman",
    "girl",
    "aunt",
    "grandmother",
    "niece",
];

/// Words that cannot open a name though they are not [`OPENERS`] ("In
/// London, Ms Dick said", "Speaking on the radio"); a name never starts on
/// an opener either (`context_words::not_name_start` checks both lists).
pub(super) const NOT_NAME_START: &[&str] = &[
    "last", "this", "that", "it", "there", "when", "while", "as", "after", "before", "in", "on",
    "at", "if", "speaking", "writing", "here", "what", "which", "who",
    // "Both Kelly and Tillerson said": the speakers are the names after it.
    "both", "either", "neither",
];

/// Words that end a name read forwards ("said a spokesman on Monday").
pub(super) const STOP_FORWARD: &[&str] = &[
    "who",
    "which",
    "that",
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "when",
    "while",
    "as",
    "and",
    "but",
    "yesterday",
    "today",
    "last",
    "this",
    "adding",
    "told",
    "to",
    "with",
    "from",
    "said",
    "says",
    "added",
    "earlier",
    "later",
    "has",
    "had",
    "is",
    "was",
    "were",
    "are",
    "in",
    "speaking",
    "writing",
    "about",
];

/// Days of the week: "said police Tuesday" names no Tuesday (nor a month:
/// `context_words::time_word` checks `model::dates::MONTH_NAMES` too).
pub(super) const DAYS: &[&str] = &crate::model::dates::WEEKDAY_NAMES;

/// Words that cannot end a speaker's name: a name or noun phrase never
/// stops on a conjunction, preposition or article ("the men and").
pub(super) const DANGLING: &[&str] = &[
    "and", "or", "but", "nor", "of", "the", "a", "an", "for", "to", "in", "on", "at", "with", "by",
    "from", "as", "de", "du", "van", "von", "der", "da", "di", "al", "bin",
];

/// The second halves of hyphenated modifiers ("Democratic-led",
/// "London-based", "Obama-era"): such a word stands before the noun it
/// describes, so a speaker's name never ends on it.
pub(super) const MODIFIER_ENDS: &[&str] = &[
    "led",
    "based",
    "backed",
    "run",
    "owned",
    "funded",
    "linked",
    "controlled",
    "born",
    "era",
    "style",
    "allied",
    "aligned",
    "dominated",
    "affiliated",
    "sponsored",
    "held",
    "leaning",
];

/// Conjunctions and adverbs that may open a clause before its subject
/// ("But Ms Roy ...", "Later, she ..."); none of them starts a name.
pub(super) const OPENERS: &[&str] = &[
    "and",
    "but",
    "yet",
    "so",
    "then",
    "however",
    "now",
    "also",
    "meanwhile",
    "later",
    "today",
    "yesterday",
];

/// US states (and the territories with a member of Congress) as a party
/// aside names them after a politician ("Sen. Dianne Feinstein,
/// D-California"): full names, the news agencies' abbreviations (read with
/// or without their last full stop) and the two-letter postal codes.
pub(super) const US_STATES: &[&str] = &[
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
    "Puerto Rico",
    "Guam",
    // Abbreviations.
    "Ala",
    "Ariz",
    "Ark",
    "Calif",
    "Cal",
    "Colo",
    "Conn",
    "Del",
    "Fla",
    "Ga",
    "Ill",
    "Ind",
    "Kan",
    "Kans",
    "Ky",
    "La",
    "Md",
    "Mass",
    "Mich",
    "Minn",
    "Miss",
    "Mo",
    "Mont",
    "Neb",
    "Nebr",
    "Nev",
    "N.H",
    "N.J",
    "N.M",
    "N.Y",
    "N.C",
    "N.D",
    "Okla",
    "Ore",
    "Pa",
    "Penn",
    "R.I",
    "S.C",
    "S.D",
    "Tenn",
    "Tex",
    "Vt",
    "Va",
    "Wash",
    "W.Va",
    "W.Virginia",
    "Wis",
    "Wisc",
    "Wyo",
    "D.C",
    "P.R",
    // Postal codes.
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "DC",
    "PR",
    "GU",
];

/// Nouns for documents and what they hold: the head of "a Nielsen study",
/// "a White House statement", "a new analysis", which name a document, not
/// someone who speaks (see `speakers::document_phrase`).
pub(super) const DOCUMENT_NOUNS: &[&str] = &[
    "study",
    "report",
    "survey",
    "poll",
    "analysis",
    "review",
    "paper",
    "statement",
    "letter",
    "document",
    "memo",
    "memorandum",
    "note",
    "filing",
    "affidavit",
    "complaint",
    "lawsuit",
    "ruling",
    "audit",
    "assessment",
    "estimate",
    "tally",
    "census",
    "release",
    "bulletin",
    "circular",
    "editorial",
    "op-ed",
    "article",
    "column",
    "post",
    "tweet",
    "email",
    "e-mail",
    "message",
    "video",
    "recording",
    "transcript",
    "copy",
    "dossier",
    "briefing",
    "investigation",
    "examination",
    "evaluation",
    "index",
    "plan",
    "proposal",
    "notice",
    "advisory",
    "website",
    "book",
];

/// Words that end the head of a noun phrase and open what follows it ("a
/// report by the council", "a message that ..."); with a past participle
/// ("a study published in ...", see [`IRREGULAR_PARTICIPLES`]).
pub(super) const POST_MODIFIERS: &[&str] = &[
    "of", "by", "from", "for", "on", "in", "at", "with", "to", "into", "about", "over", "under",
    "among", "between", "after", "before", "than", "that", "which", "who", "whose",
];

/// Past participles that do not end in "-ed" ("a document seen by ...").
pub(super) const IRREGULAR_PARTICIPLES: &[&str] = &[
    "seen", "sent", "written", "given", "shown", "drawn", "made", "taken", "done", "put", "held",
    "led", "read", "run", "brought", "bought", "won",
];

/// Offices a capitalised role aside may end on ("Chief Executive of Acme",
/// "Secretary of State", "Bundestag member for Kiel"), in lower case.
/// Words that are also common first names or surnames ("Dean", "Judge",
/// "Chancellor" as in a family name) are left out: after a name and a
/// comma such a word is as likely the next person of a list.
pub(super) const OFFICES: &[&str] = &[
    "chief",
    "executive",
    "officer",
    "director",
    "director-general",
    "president",
    "vice-president",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "secretary",
    "secretary-general",
    "minister",
    "member",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "head",
    "leader",
    "founder",
    "co-founder",
    "manager",
    "partner",
    "governor",
    "mayor",
    "senator",
    "commissioner",
    "ambassador",
    "envoy",
    "professor",
    "lecturer",
    "fellow",
    "editor",
    "analyst",
    "economist",
    "strategist",
    "researcher",
    "correspondent",
    "deputy",
    "councillor",
    "councilor",
    "representative",
    "lawmaker",
    "legislator",
    "congressman",
    "congresswoman",
    "general",
    "adviser",
    "advisor",
    "counsel",
    "attorney",
    "treasurer",
    "coordinator",
    "premier",
    "commander",
    "superintendent",
    "inspector",
    "administrator",
];

/// Months that are also names ("May said", for Theresa May).
pub(super) const MONTH_NAMES_OF_PEOPLE: &[&str] = &["april", "may", "june", "august"];

/// Verbs a speaker's name never ends on: what follows the name was read as
/// part of it ("The court was told", "Syria-has said").
/// ("May", "Will" and "Can" are names too, so they are not listed).
pub(super) const VERB_ENDS: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "been", "would", "could", "might", "should",
    "did", "does",
];

/// Endings of a possessive or a contraction, which a speaker's name never
/// ends on ("Visa's" lacks its noun, "I've" is no name).
pub(super) const CLITICS: &[&str] = &[
    "'s",
    "\u{2019}s",
    "'ve",
    "\u{2019}ve",
    "'m",
    "\u{2019}m",
    "'re",
    "\u{2019}re",
];

/// Roles and styles written before a personal name ("Chancellor Angela
/// Merkel", "Sir Mike Penning", "Dad Larry Birkhead"), beyond [`TITLES`],
/// [`PERSON_NOUNS`] and [`OFFICES`]: what `name_shape.rs` cuts from a name.
/// Words that are also common family names (Bishop, King, Major, Prince,
/// Pope, Lord) are left out: "Julie Bishop" and "John Major" keep them.
pub(super) const ROLE_WORDS: &[&str] = &[
    "chancellor",
    "speaker",
    "taoiseach",
    "tanaiste",
    "sheriff",
    "reverend",
    "pastor",
    "archbishop",
    "cardinal",
    "rabbi",
    "imam",
    "ayatollah",
    "sheikh",
    "democrat",
    "republican",
    "sir",
    "dame",
    "baroness",
    "justice",
    "judge",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "mep",
    "msp",
    "prosecutor",
    "actor",
    "actress",
    "singer",
    "coach",
    "captain",
    "colonel",
    "admiral",
    "lieutenant",
    "corporal",
    "doctor",
    "dad",
    "mum",
    "mom",
    "auditor",
    "chef",
];

/// Words that open a sentence or a clause, capitalised there, and never
/// the first word of a personal name ("Though Trump said", "Even Nunes").
pub(super) const NAME_OPENERS: &[&str] = &[
    "though", "although", "even", "because", "since", "until", "unless", "whether", "where", "why",
    "how", "only", "just", "still", "instead", "perhaps", "indeed", "thus", "hence", "for", "with",
    "from", "by", "to", "of", "like", "unlike", "despite", "during", "under", "after", "before",
    "did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "should", "would",
    "could", "shall",
];

/// Words before a title that make it another office: "Vice President Mike
/// Pence" is no holder of "the president", "First Minister Nicola
/// Sturgeon" none of "the minister".
pub(super) const ROLE_QUALIFIERS: &[&str] = &[
    "vice",
    "deputy",
    "prime",
    "first",
    "assistant",
    "acting",
    "former",
    "ex",
    "under",
    "lieutenant",
    "associate",
    "chief",
];

/// Lower-case particles inside a family name ("Bill de Blasio", "Ursula
/// von der Leyen"): a name read up to one of them is cut short.
pub(super) const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la", "du", "dos", "das",
    "al", "el", "bin", "ibn", "ben",
];
