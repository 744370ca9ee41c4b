/// A range for a proportion, both ends in [0, 1].
public struct ProportionInterval: Sendable, Hashable, Codable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}

/// The Wilson score interval for a proportion, the interval readiness puts around every skill
/// estimate: unlike the plain "p ± z·√(p(1−p)/n)" it stays inside [0, 1] and does not
/// collapse to a point at 0% or 100%, which matters after a few practice runs.
///
/// With p̂ = successes / n and z the normal quantile (1.9599639845400545 for 95%):
/// centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z·√(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n).
/// Partial credit counts as a fraction of a success (an item scored 0.5 adds 0.5), as
/// statsmodels' `proportion_confint(count, nobs, method="wilson")` does with a fractional
/// count; checked against it to 1e-9 (`Tests/ReadinessTests/Fixtures/wilson.json`).
public enum WilsonInterval {
    /// The two-sided 95% normal quantile, Φ⁻¹(0.975).
    public static let z95 = 1.9599639845400545

    /// The interval for `successes` out of `trials`; nil without trials.
    public static func interval(successes: Double, trials: Int, z: Double = z95) -> ProportionInterval? {
        guard trials > 0 else { return nil }
        let n = Double(trials)
        let p = min(max(successes / n, 0), 1)
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        return ProportionInterval(lower: max(0, centre - half), upper: min(1, centre + half))
    }
}
