import Courseware
import Testing

@testable import Grading

/// The example assessments under Fixtures/Assessments, one per item kind.
struct FixtureTests {
    @Test(arguments: Fixtures.assessmentIDs)
    func everyExampleAssessmentChecksClean(id: String) {
        let diagnostics = AssessmentChecker().check(folder: Fixtures.assessmentFolder(id))
        #expect(diagnostics.map(\.description) == [])
    }

    @Test func theExamplesCoverEveryItemKind() throws {
        var kinds = Set<ItemKind>()
        for id in Fixtures.assessmentIDs { kinds.formUnion(try Fixtures.assessment(id).items.map(\.kind)) }
        #expect(kinds == Set(ItemKind.allCases))
    }
}
