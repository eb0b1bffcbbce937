//! How far several people scoring the same thing agree: Krippendorff's α for nominal values,
//! the coefficient contact-centre QA calibration reports. Written here because no maintained
//! crate computes it (the statistics crates stop at correlation and Cohen's κ for two raters);
//! it follows Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", with its
//! coincidence matrix, so units with missing values and any number of coders work.

use std::collections::BTreeMap;

/// Krippendorff's α for nominal values. `units[u][c]` is what coder `c` gave unit `u`
/// (`None`: that coder did not code it). Units coded by fewer than two coders carry no
/// information and are left out. `None` when α is undefined: fewer than two pairable values,
/// or every value the same (no disagreement is even possible, so agreement cannot be judged
/// against chance).
pub fn krippendorff_alpha_nominal(units: &[Vec<Option<u32>>]) -> Option<f64> {
    // The coincidence matrix: each unit's ordered pairs of values, weighted 1/(m - 1). Counted
    // from how often each value occurs in the unit, so many coders cost no more than a few.
    let mut coincidences: BTreeMap<(u32, u32), f64> = BTreeMap::new();
    for unit in units {
        let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
        for &value in unit.iter().flatten() {
            *counts.entry(value).or_default() += 1;
        }
        let m: usize = counts.values().sum();
        if m < 2 {
            continue;
        }
        let weight = 1.0 / (m - 1) as f64;
        for (&a, &na) in &counts {
            for (&b, &nb) in &counts {
                let pairs = if a == b { na * (na - 1) } else { na * nb };
                if pairs > 0 {
                    *coincidences.entry((a, b)).or_default() += pairs as f64 * weight;
                }
            }
        }
    }
    let mut totals: BTreeMap<u32, f64> = BTreeMap::new();
    for (&(a, _), &count) in &coincidences {
        *totals.entry(a).or_default() += count;
    }
    let n: f64 = totals.values().sum();
    if n < 2.0 {
        return None;
    }
    let observed: f64 = coincidences.iter().filter(|((a, b), _)| a != b).map(|(_, c)| c).sum();
    let expected: f64 = totals
        .iter()
        .flat_map(|(a, na)| totals.iter().filter(move |(b, _)| *b != a).map(move |(_, nb)| na * nb))
        .sum::<f64>()
        / (n - 1.0);
    (expected > 0.0).then(|| 1.0 - observed / expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows are coders, as the papers print them; α wants units.
    fn by_unit(coders: &[&[Option<u32>]]) -> Vec<Vec<Option<u32>>> {
        (0..coders[0].len()).map(|u| coders.iter().map(|c| c[u]).collect()).collect()
    }

    fn round3(x: f64) -> f64 {
        (x * 1000.0).round() / 1000.0
    }

    #[test]
    fn krippendorffs_binary_example_two_coders_ten_units_is_0_095() {
        // Krippendorff (2011), section A: binary data, two observers, no missing data.
        let a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0].map(Some);
        let b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0].map(Some);
        let alpha = krippendorff_alpha_nominal(&by_unit(&[&a, &b])).unwrap();
        assert_eq!(round3(alpha), 0.095);
    }

    #[test]
    fn krippendorffs_nominal_example_four_coders_with_missing_values_is_0_743() {
        // Krippendorff (2011), section C: four observers, twelve units, values 1-5, gaps.
        let n = None;
        let a = [Some(1), Some(2), Some(3), Some(3), Some(2), Some(1), Some(4), Some(1), Some(2), n, n, n];
        let b = [Some(1), Some(2), Some(3), Some(3), Some(2), Some(2), Some(4), Some(1), Some(2), Some(5), n, Some(3)];
        let c = [n, Some(3), Some(3), Some(3), Some(2), Some(3), Some(4), Some(2), Some(2), Some(5), Some(1), n];
        let d = [Some(1), Some(2), Some(3), Some(3), Some(2), Some(4), Some(4), Some(1), Some(2), Some(5), Some(1), n];
        let alpha = krippendorff_alpha_nominal(&by_unit(&[&a, &b, &c, &d])).unwrap();
        assert_eq!(round3(alpha), 0.743);
    }

    #[test]
    fn perfect_agreement_is_1_and_a_hand_worked_split_is_minus_a_ninth() {
        // Two coders, four units, agreeing on all: α = 1.
        let same = [1, 0, 1, 0].map(Some);
        assert_eq!(krippendorff_alpha_nominal(&by_unit(&[&same, &same])), Some(1.0));
        // Two coders disagreeing on one unit of four (1,1 · 0,0 · 1,0 · 0,0): o(1,0) = o(0,1) = 1,
        // n1 = 3, n0 = 5, n = 8; α = 1 - (n-1)·o(1,0)·2 / (2·n1·n0) = 1 - 7·2/30 = 0.533.
        let a = [1, 0, 1, 0].map(Some);
        let b = [1, 0, 0, 0].map(Some);
        assert_eq!(round3(krippendorff_alpha_nominal(&by_unit(&[&a, &b])).unwrap()), 0.533);
        // Two coders always opposite on two units: worse than chance. o(1,0) = o(0,1) = 2,
        // n1 = n0 = 2, n = 4: α = 1 - 3·4/8 = -0.5.
        let a = [1, 0].map(Some);
        let b = [0, 1].map(Some);
        assert_eq!(krippendorff_alpha_nominal(&by_unit(&[&a, &b])), Some(-0.5));
    }

    #[test]
    fn alpha_is_undefined_with_one_value_or_one_coder() {
        let all_yes = [1, 1, 1].map(Some);
        assert_eq!(krippendorff_alpha_nominal(&by_unit(&[&all_yes, &all_yes])), None, "no variation");
        assert_eq!(krippendorff_alpha_nominal(&by_unit(&[&[Some(1), Some(0)]])), None, "one coder");
        assert_eq!(krippendorff_alpha_nominal(&[]), None);
    }
}
