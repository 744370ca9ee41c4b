import Foundation
import Grading
import Interop
import TestSupport
import Testing

/// COCO detections read as a learner's answers, and answers written as COCO results.
struct COCOAnswersTests {
    @Test func detectionsInAnnotationsFormAnswerTheTestImportedFromThem() throws {
        let file = FixturePath.of("coco/mmdet-coco_sample.json")
        let imported = try Imported(.coco, file)
        let (sheet, notes) = try Interop.importAnswers(.coco, file: file, for: imported.assessment, learner: "detector")
        #expect(sheet.learner == "detector")
        #expect(sheet.responses.count == 3)
        let result = Grader().grade(sheet, for: imported.assessment)
        #expect(result.score == 1)
        #expect(notes.contains { $0.message.contains("'score' is left out") })
    }

    @Test func answersGoOutAsResultsAndComeBackTheSame() throws {
        let imported = try Imported(.coco, FixturePath.of("coco/mmpose-test_coco-trimmed.json"))
        var responses: [String: ItemResponse] = [:]
        for item in imported.assessment.items { responses[item.id] = item.content.goldResponses.first }
        let sheet = AnswerSheet(assessmentID: imported.assessment.id, learner: "gold", responses: responses)
        let (results, _) = try Interop.exportAnswers(.coco, sheet, for: imported.assessment, file: "answers.json")
        try imported.folder.write("results.json", results)
        let (again, _) = try Interop.importAnswers(
            .coco, file: imported.folder.path + "/results.json", for: imported.assessment, learner: "gold")
        #expect(again == sheet)
    }

    @Test func aResultForAnImageTheTestDoesNotHaveIsReported() throws {
        let imported = try Imported(.coco, FixturePath.of("coco/mmpose-test_coco-trimmed.json"))
        let (sheet, notes) = try Interop.importAnswers(
            .coco, file: FixturePath.of("coco/cocoapi-person_keypoints_fakekeypoints-trimmed.json"), for: imported.assessment, learner: nil)
        #expect(sheet.responses.isEmpty)
        #expect(notes.contains { $0.description.contains("$[0]: warning: names image 136, which no item of") })
    }
}
