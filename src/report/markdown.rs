//! markdown (stub; being written).
