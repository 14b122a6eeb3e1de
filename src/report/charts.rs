//! charts (stub; being written).
