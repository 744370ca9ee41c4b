import ArgumentParser
import Courseware
import Foundation
import Grading
import Interop

/// `groundwork evaluate coco GOLD RESULTS`: a model's or a team's COCO results scored
/// against COCO gold as pycocotools' COCOeval scores them.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score detection results against gold with another tool's own measures.",
        subcommands: [EvaluateCOCO.self]
    )
}

struct EvaluateCOCO: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coco",
        abstract: "COCO mAP and mAR of a results file against an annotations file (pycocotools' COCOeval).",
        discussion: """
            GOLD is a COCO annotations file (images with their sizes, categories,
            annotations; crowd regions and run-length masks count as COCO counts them).
            RESULTS is a COCO results list (image_id, category_id, the geometry and a
            score), such as 'groundwork export coco ID --answers FILE' writes.

            --iou-type chooses what is compared: bbox (boxes), segm (outlines and masks,
            rasterised to pixels exactly as pycocotools does) or keypoints (OKS, with
            COCO's person sigmas for 17 keypoints, else --sigmas). --categories keeps the
            evaluation to some categories, as pycocotools' catIds does. Prints pycocotools'
            twelve summary figures (ten for keypoints) and AP, AP50 and AP75 per category.
            Definitions: docs/grading.md.

            Examples:
              groundwork evaluate coco instances.json results.json --iou-type segm
              groundwork evaluate coco instances.json results.json --iou-type bbox --format json
              groundwork evaluate coco hands.json results.json --iou-type keypoints --sigmas 0.05,0.05,0.05
              groundwork evaluate coco gold.json results.json --iou-type segm --categories circle,square
            """
    )

    @Argument(help: ArgumentHelp("The COCO annotations file (the gold).", valueName: "gold")) var gold: String
    @Argument(help: ArgumentHelp("The COCO results file (the detections).", valueName: "results")) var results: String
    @Option(help: ArgumentHelp("What to compare: bbox, segm or keypoints.", valueName: "type")) var iouType: String
    @Option(help: ArgumentHelp("keypoints: one sigma per keypoint, comma-separated.", valueName: "list")) var sigmas: String?
    @Option(help: ArgumentHelp("Evaluate only these categories (names, comma-separated).", valueName: "list")) var categories: String?
    @Option(help: "Output format: text, csv or json.") var format: CohortFolder.Format = .text

    func run() throws {
        let names = COCOIoUType.allCases.map(\.rawValue)
        guard let iouType = COCOIoUType(rawValue: iouType) else {
            throw CommandError(
                "'\(iouType)' is not an IoU type\(Suggestion.hint(for: iouType, in: names))")
        }
        let categoryNames = categories.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        if let categoryNames, categoryNames.isEmpty || categoryNames.contains("") {
            throw CommandError("--categories takes category names separated by commas, none of them empty")
        }
        if sigmas != nil, iouType != .keypoints { throw CommandError("--sigmas is for --iou-type keypoints only") }
        let sigmaValues = try sigmas.map(Self.parseSigmas)
        let report: COCOEvaluationReport
        do {
            report = try Interop.evaluateCOCO(
                gold: gold, results: results, iouType: iouType, sigmas: sigmaValues,
                categories: categoryNames)
        } catch {
            throw CommandError(error.description)
        }
        CohortFolder.print(report, as: format)
    }

    private static func parseSigmas(_ text: String) throws -> [Double] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard let value = Double(trimmed), value.isFinite, value > 0 else {
                throw CommandError("--sigmas takes positive numbers separated by commas; '\(trimmed)' is not one")
            }
            return value
        }
    }
}
