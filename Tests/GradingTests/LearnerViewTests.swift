import Foundation
import Testing

@testable import Grading

struct LearnerViewTests {
    @Test(arguments: Fixtures.assessmentIDs)
    func theLearnerViewCarriesNoGoldNoReasonAndNoLesson(id: String) throws {
        let assessment = try Fixtures.assessment(id)
        let json = JSONText.encode(assessment.learnerView)
        for item in assessment.items {
            #expect(!json.contains(item.reason), "reason of \(item.id) leaked")
            if let lesson = item.lesson { #expect(!json.contains(lesson)) }
        }
        #expect(!json.contains("\"answer\""))
        #expect(!json.contains("credit"))
    }

    @Test func theLearnerViewOfASpanItemHasTheTextAndLabelsOnly() throws {
        let assessment = try Fixtures.assessment("named-entities")
        let view = try #require(assessment.learnerView.items.first)
        #expect(
            view.task
                == .spans(
                    SpanTask(
                        text: "Tim Cook said Apple will open an office near the Bank of England in London.", labels: ["PER", "ORG", "LOC"]))
        )
    }
}
