//! Serialising `Analysis::articles` either as the list or as a placeholder,
//! so that `analysis.json` can be written with its articles serialised in
//! parallel blocks (the writer swaps the list back in at the placeholder).

/// Stands in for the articles while the rest of the analysis is serialised;
/// user text cannot contain it unescaped.
pub const PLACEHOLDER: &str = "\u{0}frame: articles\u{0}";

thread_local! {
    static ARTICLES_AS_PLACEHOLDER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with `Analysis::articles` serialised as [`PLACEHOLDER`] on this thread.
pub fn with_articles_as_placeholder<T>(f: impl FnOnce() -> T) -> T {
    ARTICLES_AS_PLACEHOLDER.with(|p| p.set(true));
    let out = f();
    ARTICLES_AS_PLACEHOLDER.with(|p| p.set(false));
    out
}

/// Whether this thread currently serialises the articles as [`PLACEHOLDER`].
pub fn articles_as_placeholder() -> bool {
    ARTICLES_AS_PLACEHOLDER.with(|p| p.get())
}

/// Serialises `Analysis::articles`: normally the list, but [`PLACEHOLDER`]
/// inside [`with_articles_as_placeholder`].
pub fn articles_field<T: serde::Serialize, S: serde::Serializer>(
    articles: &[T],
    s: S,
) -> Result<S::Ok, S::Error> {
    if articles_as_placeholder() {
        s.serialize_str(PLACEHOLDER)
    } else {
        s.collect_seq(articles)
    }
}
