//! Agreement statistics for two binary codings of the same units: percentage
//! agreement, Cohen's kappa, Krippendorff's alpha (nominal, two coders, no
//! missing values), precision and recall, and plain-words bands for reading
//! them.
//!
//! With `a` and `b` the two codings of N units (0 or 1):
//! * percentage agreement p_o = (units where a = b) / N;
//! * Cohen's κ = (p_o - p_e) / (1 - p_e), p_e = p_a1·p_b1 + p_a0·p_b0, where
//!   p_a1 is the share of units `a` codes 1 (Cohen 1960). Undefined when
//!   p_e = 1, i.e. both codings put every unit in the same category;
//! * Krippendorff's α (nominal) = 1 - D_o / D_e. For two coders and no
//!   missing values the coincidence matrix has n = 2N values; with d the number
//!   of disagreeing units and n_0, n_1 the numbers of 0s and 1s over both
//!   codings, α = 1 - (n - 1)·d / (n_0·n_1) (Krippendorff 2011, "Computing
//!   Krippendorff's alpha-reliability", section A). Undefined when all 2N
//!   values are the same (n_0·n_1 = 0);
//! * with `a` as the reference (the human coder): precision = TP / (TP + FP)
//!   (of the units `b` codes 1, the share `a` codes 1), undefined when `b` never
//!   says 1; recall = TP / (TP + FN), undefined when `a` never says 1.
//!
//! Undefined values are `None`; [`Table2::why_undefined`] says why in words.

/// The 2x2 table of two binary codings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Table2 {
    /// Both coded 1.
    pub both_1: usize,
    /// `a` coded 1, `b` coded 0.
    pub a_only: usize,
    /// `a` coded 0, `b` coded 1.
    pub b_only: usize,
    /// Both coded 0.
    pub both_0: usize,
}

impl Table2 {
    /// Counts the table from two equally long codings.
    pub fn from_codes(a: &[bool], b: &[bool]) -> Self {
        let mut t = Table2::default();
        for (&x, &y) in a.iter().zip(b) {
            match (x, y) {
                (true, true) => t.both_1 += 1,
                (true, false) => t.a_only += 1,
                (false, true) => t.b_only += 1,
                (false, false) => t.both_0 += 1,
            }
        }
        t
    }

    /// Number of units.
    pub fn n(&self) -> usize {
        self.both_1 + self.a_only + self.b_only + self.both_0
    }

    /// Units `a` coded 1.
    pub fn a_1(&self) -> usize {
        self.both_1 + self.a_only
    }

    /// Units `b` coded 1.
    pub fn b_1(&self) -> usize {
        self.both_1 + self.b_only
    }

    /// Share of units on which the codings agree; `None` without units.
    pub fn agreement(&self) -> Option<f64> {
        let n = self.n();
        (n > 0).then(|| (self.both_1 + self.both_0) as f64 / n as f64)
    }

    /// Cohen's kappa; `None` when chance agreement is 1 (no variation) or there are no units.
    pub fn kappa(&self) -> Option<f64> {
        kappa_of([
            self.both_1 as f64,
            self.a_only as f64,
            self.b_only as f64,
            self.both_0 as f64,
        ])
    }

    /// Krippendorff's alpha (nominal, two coders, no missing values); `None`
    /// when every value is the same or there are no units.
    pub fn alpha(&self) -> Option<f64> {
        let n = 2 * self.n();
        let n1 = self.a_1() + self.b_1();
        let n0 = n - n1;
        if n0 == 0 || n1 == 0 {
            return None;
        }
        let d = (self.a_only + self.b_only) as f64;
        Some(1.0 - (n as f64 - 1.0) * d / (n0 as f64 * n1 as f64))
    }

    /// Precision of `b` with `a` as the reference; `None` when `b` never codes 1.
    pub fn precision(&self) -> Option<f64> {
        let p = self.b_1();
        (p > 0).then(|| self.both_1 as f64 / p as f64)
    }

    /// Recall of `b` with `a` as the reference; `None` when `a` never codes 1.
    pub fn recall(&self) -> Option<f64> {
        let p = self.a_1();
        (p > 0).then(|| self.both_1 as f64 / p as f64)
    }

    /// Why kappa and alpha are undefined, or why a constant coding makes kappa
    /// uninformative; `None` when both codings vary.
    pub fn why_undefined(&self, a_name: &str, b_name: &str) -> Option<String> {
        let n = self.n();
        if n == 0 {
            return Some("no units were coded".into());
        }
        let (a1, b1) = (self.a_1(), self.b_1());
        let a_const = a1 == 0 || a1 == n;
        let b_const = b1 == 0 || b1 == n;
        let val = |c: usize| if c == 0 { 0 } else { 1 };
        match (a_const, b_const) {
            (true, true) if val(a1) == val(b1) => Some(format!(
                "{a_name} and {b_name} coded every unit {}: with no variation, chance agreement is 100%, so κ and α are undefined (0/0), not perfect",
                val(a1)
            )),
            (true, true) => Some(format!(
                "{a_name} coded every unit {} and {b_name} every unit {}: they never agree, and κ is 0 because chance predicts no agreement either",
                val(a1),
                val(b1)
            )),
            (true, false) => Some(format!(
                "{a_name} coded every unit {}: κ is then 0 (or below) whatever the agreement, because all agreement is what chance predicts",
                val(a1)
            )),
            (false, true) => Some(format!(
                "{b_name} coded every unit {}: κ is then 0 (or below) whatever the agreement, because all agreement is what chance predicts",
                val(b1)
            )),
            (false, false) => None,
        }
    }
}

/// Cohen's kappa of a 2x2 table given as `[both_1, a_only, b_only, both_0]`,
/// counts or (weighted) estimates of them; `None` when chance agreement is 1
/// or the table is empty.
pub fn kappa_of(cells: [f64; 4]) -> Option<f64> {
    let [both_1, a_only, b_only, both_0] = cells;
    let n = both_1 + a_only + b_only + both_0;
    if n <= 0.0 {
        return None;
    }
    let po = (both_1 + both_0) / n;
    let (pa1, pb1) = ((both_1 + a_only) / n, (both_1 + b_only) / n);
    let pe = pa1 * pb1 + (1.0 - pa1) * (1.0 - pb1);
    // pe is 1 only when both codings are constant and equal; compare with a
    // tolerance so that rounding never turns 0/0 into a huge number.
    if (1.0 - pe).abs() < 1e-12 {
        return None;
    }
    Some((po - pe) / (1.0 - pe))
}

/// Landis & Koch (1977) band for a kappa value.
pub fn kappa_band(k: f64) -> &'static str {
    if k < 0.0 {
        "poor (less than chance)"
    } else if k <= 0.20 {
        "slight"
    } else if k <= 0.40 {
        "fair"
    } else if k <= 0.60 {
        "moderate"
    } else if k <= 0.80 {
        "substantial"
    } else {
        "almost perfect"
    }
}

/// Krippendorff's (2004) reading of an alpha value.
pub fn alpha_band(a: f64) -> &'static str {
    if a >= 0.8 {
        "reliable"
    } else if a >= 0.667 {
        "tentative conclusions only"
    } else {
        "unreliable"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &str) -> Vec<bool> {
        s.chars().map(|c| c == '1').collect()
    }

    fn close(x: Option<f64>, y: f64) {
        let x = x.expect("defined");
        assert!((x - y).abs() < 1e-9, "{x} != {y}");
    }

    #[test]
    fn krippendorff_binary_example() {
        // Krippendorff (2011), section A: two observers, ten units.
        let a = codes("0100000010");
        let b = codes("1110010000");
        let t = Table2::from_codes(&a, &b);
        assert_eq!(
            t,
            Table2 {
                both_1: 1,
                a_only: 1,
                b_only: 3,
                both_0: 5
            }
        );
        // By hand: n = 20, d = 4, n0 = 14, n1 = 6: 1 - 19*4/84 = 0.095.
        close(t.alpha(), 1.0 - 76.0 / 84.0);
        assert_eq!(format!("{:.3}", t.alpha().unwrap()), "0.095");
        // po = 0.6, pe = 0.2*0.4 + 0.8*0.6 = 0.56: (0.6-0.56)/0.44.
        close(t.kappa(), 0.04 / 0.44);
        close(t.agreement(), 0.6);
        // a as reference: precision 1/4, recall 1/2.
        close(t.precision(), 0.25);
        close(t.recall(), 0.5);
        assert!(t.why_undefined("a", "b").is_none());
    }

    #[test]
    fn textbook_kappa() {
        // 50 units: 20 both yes, 5 a only, 10 b only, 15 both no.
        // po = 0.7; pa1 = 0.5, pb1 = 0.6; pe = 0.3 + 0.2 = 0.5; kappa = 0.4.
        let t = Table2 {
            both_1: 20,
            a_only: 5,
            b_only: 10,
            both_0: 15,
        };
        close(t.kappa(), 0.4);
        // alpha: n = 100, d = 15, n1 = 25 + 30 = 55, n0 = 45: 1 - 99*15/2475 = 0.4.
        close(t.alpha(), 1.0 - 99.0 * 15.0 / (45.0 * 55.0));
        close(t.precision(), 20.0 / 30.0);
        close(t.recall(), 20.0 / 25.0);
        assert_eq!(kappa_band(0.4), "fair");
        assert_eq!(alpha_band(0.4), "unreliable");
    }

    #[test]
    fn perfect_agreement() {
        let a = codes("1100101");
        let t = Table2::from_codes(&a, &a);
        close(t.kappa(), 1.0);
        close(t.alpha(), 1.0);
        close(t.agreement(), 1.0);
        close(t.precision(), 1.0);
        close(t.recall(), 1.0);
        assert_eq!(kappa_band(1.0), "almost perfect");
        assert_eq!(alpha_band(1.0), "reliable");
    }

    #[test]
    fn systematic_disagreement_is_negative() {
        let t = Table2::from_codes(&codes("1010"), &codes("0101"));
        close(t.kappa(), -1.0);
        // n = 8, d = 4, n0 = n1 = 4: 1 - 7*4/16 = -0.75.
        close(t.alpha(), -0.75);
        assert_eq!(kappa_band(-1.0), "poor (less than chance)");
    }

    #[test]
    fn constant_coders() {
        // Both all 0: 100% agreement, but kappa and alpha are 0/0.
        let t = Table2::from_codes(&codes("0000"), &codes("0000"));
        close(t.agreement(), 1.0);
        assert_eq!(t.kappa(), None);
        assert_eq!(t.alpha(), None);
        assert_eq!(t.precision(), None);
        assert_eq!(t.recall(), None);
        assert!(t
            .why_undefined("the coder", "frame")
            .unwrap()
            .contains("undefined"));
        // One coder constant: kappa is 0 although 3 of 4 units agree.
        let t = Table2::from_codes(&codes("0000"), &codes("0001"));
        close(t.agreement(), 0.75);
        close(t.kappa(), 0.0);
        // n = 8, d = 1, n0 = 7, n1 = 1: 1 - 7/7 = 0.
        close(t.alpha(), 0.0);
        assert_eq!(t.recall(), None);
        close(t.precision(), 0.0);
        assert!(t
            .why_undefined("the coder", "frame")
            .unwrap()
            .starts_with("the coder coded every unit 0"));
        // Opposite constants: never agree; chance predicts no agreement either.
        let t = Table2::from_codes(&codes("111"), &codes("000"));
        close(t.kappa(), 0.0);
        // n = 6, d = 3, n0 = n1 = 3: 1 - 5*3/9.
        close(t.alpha(), 1.0 - 15.0 / 9.0);
    }

    #[test]
    fn bands_edges() {
        assert_eq!(kappa_band(0.0), "slight");
        assert_eq!(kappa_band(0.2), "slight");
        assert_eq!(kappa_band(0.21), "fair");
        assert_eq!(kappa_band(0.61), "substantial");
        assert_eq!(kappa_band(0.81), "almost perfect");
        assert_eq!(alpha_band(0.667), "tentative conclusions only");
        assert_eq!(alpha_band(0.8), "reliable");
        assert_eq!(alpha_band(0.6669), "unreliable");
    }
}
