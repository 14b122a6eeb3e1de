//! Articles as vectors and which articles are alike: TF-IDF, sparse
//! matrices, the LSA projection and k-means clustering.

pub mod cluster;
pub mod sparse;
pub mod tfidf;
