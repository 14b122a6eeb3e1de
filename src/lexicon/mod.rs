//! Lexicons: every format frame reads parses into the same [`Lexicon`], one
//! per category. `entry` holds the rules all formats share; `txt` (frame's
//! own format), `liwc` (`.dic`), `dicx` (LIWC-22) and `yaml` (quanteda) each
//! parse one format into a `parsed::FileLexicons`; `load` reads files and
//! folders and assembles a run's set; `builtin` holds the embedded
//! defaults; `check` and `convert` serve `frame lexicon`. Imports run one
//! way: entry <- parsed <- formats <- load <- check/convert.

pub mod builtin;
pub mod check;
pub mod convert;
pub mod dicx;
pub mod entry;
pub mod liwc;
pub mod load;
pub mod parsed;
pub mod txt;
pub mod validity;
pub mod yaml;

pub use builtin::{builtin, builtin_text, BUILTIN_NAMES};
pub use entry::{
    category_name, check_weight, entry_kind, has_gap, normalise, parse_entry, split_excluded,
    unify_line_endings, Entry, EntryKind, Lexicon, LexiconError, GAP, MAX_GAP_WORDS, MAX_WEIGHT,
    MIN_PREFIX_CHARS,
};
pub use load::{load_set, read_path, Format, LexiconSet, Origin};
pub use parsed::FileLexicons;
pub use txt::{load_file, parse, parse_lenient, HEADER_KEYS};
