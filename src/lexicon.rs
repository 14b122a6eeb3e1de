//! Lexicon files (stub; being written).
