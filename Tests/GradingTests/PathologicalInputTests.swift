import Courseware
import Foundation
import TestSupport
import Testing

@testable import Grading

/// Assessment files built to be slow: doubling them may at most ``Scaling/limit`` times the
/// time, measured by ratio inside the test, and what is quoted back stays short.
@Suite(.serialized)
struct PathologicalInputTests {
    @Test func aMegabyteOptionValueIsReportedInOneShortLineInLinearTime() {
        func front(_ n: Int) -> String {
            "---\ntitle: T\npass-mark: 50%\nplatform: \(String(repeating: "appen", count: n))\n---\nBody.\n"
        }
        let ratio = Scaling.doublingRatio(size: 20_000) { n in _ = diagnostics(HugeNumberTests.choice, assessment: front(n)) }
        #expect(ratio <= Scaling.limit)
        let lines = diagnostics(HugeNumberTests.choice, assessment: front(200_000))
        #expect(lines.count == 1)
        #expect(lines.allSatisfy { $0.count < 300 })
    }

    @Test func thousandsOfItemsLoadInLinearTime() {
        let ratio = Scaling.doublingRatio(size: 200) { n in
            _ = loadInline((0..<n).map { HugeNumberTests.choice.replacingOccurrences(of: "q1", with: "q\($0)") }.joined(separator: "\n"))
        }
        #expect(ratio <= Scaling.limit)
    }
}
