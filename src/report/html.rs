//! html (stub; being written).
