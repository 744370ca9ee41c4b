internal import Courseware
internal import Foundation
public import Grading
internal import GroundworkMetrics

/// COCO's summary figures for a results file against its gold, overall and per category:
/// what `groundwork evaluate coco` prints. The figures are pycocotools' `stats` (AP and AR
/// over IoU thresholds 0.50:0.95, area ranges and detection limits); an undefined one (no
/// gold object in its range) is `null` in JSON and empty in CSV where pycocotools prints −1.
public struct COCOEvaluationReport: Sendable, MentorReport {
    /// One of the summary figures.
    public struct Measure: Sendable {
        /// Stable snake_case id (`ap`, `ap50`, `ar_100`, `ap_small`, …).
        public let id: String
        /// pycocotools' own line for it, `Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ]`.
        public let title: String
    }

    public let iouType: COCOIoUType
    public let goldFile: String
    public let resultsFile: String
    public let images: Int
    /// Gold objects that count (crowd regions apart).
    public let goldObjects: Int
    public let crowdRegions: Int
    public let detections: Int
    public let measures: [Measure]
    /// The figures in the order of `measures`, overall.
    public let overall: [Double]
    /// Each category's name and figures, in the gold file's order.
    public let categories: [(name: String, values: [Double])]

    init(
        iouType: COCOIoUType, goldFile: String, resultsFile: String, images: Int, goldObjects: Int, crowdRegions: Int,
        detections: Int, result: COCOResult<String>
    ) {
        self.iouType = iouType
        self.goldFile = goldFile
        self.resultsFile = resultsFile
        self.images = images
        self.goldObjects = goldObjects
        self.crowdRegions = crowdRegions
        self.detections = detections
        measures = Self.measures(keypoints: iouType == .keypoints)
        overall = result.stats
        categories = result.categories.map { name in (name, Self.figures(result, category: name)) }
    }

    /// pycocotools' `_summarizeDets` / `_summarizeKps` lines, in its order.
    private static func measures(keypoints: Bool) -> [Measure] {
        let largest = 100
        func line(_ ap: Bool, _ iou: String, _ area: String, _ limit: Int) -> String {
            let kind = ap ? "Average Precision  (AP)" : "Average Recall     (AR)"
            let padded = String(repeating: " ", count: max(0, 6 - area.count)) + area
            let dets = String(repeating: " ", count: max(0, 3 - String(limit).count)) + String(limit)
            return "\(kind) @[ IoU=\(iou) | area=\(padded) | maxDets=\(dets) ]"
        }
        let all = "0.50:0.95"
        if keypoints {
            return [
                Measure(id: "ap", title: line(true, all, "all", 20)), Measure(id: "ap50", title: line(true, "0.50     ", "all", 20)),
                Measure(id: "ap75", title: line(true, "0.75     ", "all", 20)),
                Measure(id: "ap_medium", title: line(true, all, "medium", 20)),
                Measure(id: "ap_large", title: line(true, all, "large", 20)),
                Measure(id: "ar", title: line(false, all, "all", 20)), Measure(id: "ar50", title: line(false, "0.50     ", "all", 20)),
                Measure(id: "ar75", title: line(false, "0.75     ", "all", 20)),
                Measure(id: "ar_medium", title: line(false, all, "medium", 20)),
                Measure(id: "ar_large", title: line(false, all, "large", 20)),
            ]
        }
        return [
            Measure(id: "ap", title: line(true, all, "all", largest)), Measure(id: "ap50", title: line(true, "0.50     ", "all", largest)),
            Measure(id: "ap75", title: line(true, "0.75     ", "all", largest)),
            Measure(id: "ap_small", title: line(true, all, "small", largest)),
            Measure(id: "ap_medium", title: line(true, all, "medium", largest)),
            Measure(id: "ap_large", title: line(true, all, "large", largest)),
            Measure(id: "ar_1", title: line(false, all, "all", 1)), Measure(id: "ar_10", title: line(false, all, "all", 10)),
            Measure(id: "ar_100", title: line(false, all, "all", 100)), Measure(id: "ar_small", title: line(false, all, "small", largest)),
            Measure(id: "ar_medium", title: line(false, all, "medium", largest)),
            Measure(id: "ar_large", title: line(false, all, "large", largest)),
        ]
    }

    /// The summary figures restricted to one category, in the order of `measures`.
    private static func figures(_ result: COCOResult<String>, category: String) -> [Double] {
        if !result.areas.contains(.small) {
            return [
                result.averagePrecision(category: category), result.averagePrecision(iou: 0.5, category: category),
                result.averagePrecision(iou: 0.75, category: category),
                result.averagePrecision(category: category, area: .medium), result.averagePrecision(category: category, area: .large),
                result.averageRecall(category: category), result.averageRecall(iou: 0.5, category: category),
                result.averageRecall(iou: 0.75, category: category),
                result.averageRecall(category: category, area: .medium), result.averageRecall(category: category, area: .large),
            ]
        }
        return [
            result.averagePrecision(category: category), result.averagePrecision(iou: 0.5, category: category),
            result.averagePrecision(iou: 0.75, category: category),
            result.averagePrecision(category: category, area: .small), result.averagePrecision(category: category, area: .medium),
            result.averagePrecision(category: category, area: .large),
            result.averageRecall(category: category, maxDetections: 1), result.averageRecall(category: category, maxDetections: 10),
            result.averageRecall(category: category), result.averageRecall(category: category, area: .small),
            result.averageRecall(category: category, area: .medium), result.averageRecall(category: category, area: .large),
        ]
    }

    private static func show(_ x: Double) -> String { x.isNaN ? "n/a" : String(format: "%.3f", x) }

    /// pycocotools' summary lines (n/a where it prints −1), then AP, AP50 and AP75 per
    /// category; the caller sanitises it (names come from files).
    public func text(width: Int = 80) -> String {
        let wrapper = TerminalRenderer(width: max(width, 40))
        var out = [
            wrapper.wrap(
                "COCO \(iouType.rawValue) evaluation of \(resultsFile) against \(goldFile): \(images) image\(images == 1 ? "" : "s"), \(goldObjects) gold object\(goldObjects == 1 ? "" : "s")\(crowdRegions > 0 ? " and \(crowdRegions) crowd region\(crowdRegions == 1 ? "" : "s")" : ""), \(detections) detection\(detections == 1 ? "" : "s")."
            ), "",
        ]
        // pycocotools' own lines where they fit; a narrower terminal gets the id and value.
        for (measure, value) in zip(measures, overall) {
            let line = " \(measure.title) = \(Self.show(value))"
            out.append(line.count <= width ? line : "  \(measure.id): \(Self.show(value))")
        }
        out += ["", wrapper.wrap("Per category (AP, AP50, AP75; n/a where the category has no gold object):")]
        let nameWidth = min(max(categories.map(\.name.count).max() ?? 0, 8), 24)
        for (name, values) in categories {
            let shown = name.count > nameWidth ? String(name.prefix(nameWidth - 1)) + "…" : name
            let padding = String(repeating: " ", count: nameWidth - shown.count)
            let (ap, ap50, ap75) = (Self.show(values[0]), Self.show(values[1]), Self.show(values[2]))
            let column = { (text: String) in text.padding(toLength: 7, withPad: " ", startingAt: 0) }
            out.append("  \(shown)\(padding)  \(column(ap))\(column(ap50))\(ap75)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One row for all categories (`category` empty) and one per category, a column per
    /// measure id; an undefined figure is empty.
    public func csv() -> String {
        var rows = [["category"] + measures.map(\.id), [""] + overall.map(CohortReport.field)]
        for (name, values) in categories { rows.append([name] + values.map(CohortReport.field)) }
        return rows.map { $0.map(CohortReport.quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// As JSON (keys sorted): the counts, and `overall` and each category's figures by measure
    /// id, `null` where undefined.
    public func jsonText() -> String {
        func figures(_ values: [Double]) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: zip(measures, values).map { ($0.id, $1.isNaN ? JSONValue.null : .number($1)) }))
        }
        let top: [String: JSONValue] = [
            "version": .number(1), "iou_type": .string(iouType.rawValue), "gold_file": .string(goldFile),
            "results_file": .string(resultsFile), "images": .number(Double(images)), "gold_objects": .number(Double(goldObjects)),
            "crowd_regions": .number(Double(crowdRegions)), "detections": .number(Double(detections)), "overall": figures(overall),
            "categories": .array(categories.map { .object(["name": .string($0.name), "figures": figures($0.values)]) }),
        ]
        return JSONText.encode(JSONValue.object(top))
    }
}
