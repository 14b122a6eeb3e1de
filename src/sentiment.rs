//! Sentiment (stub; being written).
