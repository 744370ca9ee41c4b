import Foundation
import Grading

/// One item as form controls, by kind. Exactly one of the kind fields is set; the template
/// shows the controls of that kind. Built from the learner view only.
struct ItemFormView {
    struct Option {
        let id: String
        let text: String
        let number: Int
    }

    struct RatingOption {
        let value: Int
        let label: String?
    }

    struct RankingRow {
        let id: String
        let text: String
        let places: [Place]
    }

    struct Place {
        let value: Int
        let selected: Bool
    }

    struct PairwiseView {
        struct Response {
            let id: String
            let html: String
            let ratings: [Rating]
        }

        struct Rating {
            let field: String
            let dimension: String
            let values: [Int]
        }

        struct Choice {
            let value: String
            let label: String
        }

        let responses: [Response]
        let choices: [Choice]
        let asksForReason: Bool
    }

    /// A drawing or marking widget (boxes, polygons, keypoints, spans, time segments).
    struct WidgetView {
        let kind: String
        let taskJSON: String
        let mediaURL: String?
        let peaksJSON: String?
    }

    let id: String
    let kind: String
    let number: Int
    let promptHTML: String
    let attempt: Int64
    /// This page's number for its save, so posting the form twice records it once.
    let sequence: Int
    var singleChoice: [Option]?
    var multipleChoice: [Option]?
    var rating: [RatingOption]?
    var shortText: Int?
    var numeric: String?
    var numericUnit: String?
    var transcriptionAudio: String?
    var ranking: [RankingRow]?
    var pairwise: PairwiseView?
    var rubric: RubricView?
    var widget: WidgetView?
    var widgetScript: String?
    /// For spans and time segments without script: how to type the answer, and the words.
    var typedHelp: String?

    init(_ item: ItemState, attempt: Int64, saved: Int, test: Assessment) {
        id = item.id
        kind = item.kind
        number = item.number
        promptHTML = item.promptHTML
        self.attempt = attempt
        sequence = saved + 1
        let options = (item.options ?? []).enumerated().map { Option(id: $0.element.id, text: $0.element.text, number: $0.offset + 1) }
        switch item.task {
        case .singleChoice: singleChoice = options
        case .multipleChoice: multipleChoice = options
        case .rating(let task): rating = (task.minimum...task.maximum).map { RatingOption(value: $0, label: task.labels[$0]) }
        case .shortText(let task): shortText = task.maxLength
        case .numeric(let task):
            numeric = "number"
            numericUnit = task.unit
        case .transcription: transcriptionAudio = item.mediaURL ?? ""
        case .ranking(let task):
            ranking = task.candidates.enumerated().map { index, candidate in
                RankingRow(
                    id: candidate.id, text: candidate.text,
                    places: (1...task.candidates.count).map { Place(value: $0, selected: $0 == index + 1) })
            }
        case .pairwise(let task):
            pairwise = PairwiseView(
                responses: task.responses.map { response in
                    PairwiseView.Response(
                        id: response.id, html: WebText.markdown(response.text),
                        ratings: task.dimensions.map { dimension in
                            PairwiseView.Rating(
                                field: "rating-\(response.id)-\(dimension.id)", dimension: dimension.id,
                                values: Array(dimension.minimum...dimension.maximum))
                        })
                },
                choices: task.responses.map { PairwiseView.Choice(value: $0.id, label: "Response \($0.id)") }
                    + (task.allowsTie ? [PairwiseView.Choice(value: "tie", label: "They are equally good")] : []),
                asksForReason: task.asksForReason)
        case .rubric(let task):
            rubric = RubricView(task)
        case .spans(let task):
            widget = WidgetView(kind: "spans", taskJSON: JSONText.compact(item.task), mediaURL: nil, peaksJSON: nil)
            widgetScript = "spans.js"
            typedHelp =
                AnswerInput.tokens(task.text).enumerated().map { "\($0.element.text)[\($0.offset + 1)]" }.joined(separator: " ")
                + " — labels: \(task.labels.joined(separator: ", ")); type e.g. 1-2 \(task.labels.first ?? "LABEL"); 5 \(task.labels.last ?? "LABEL"), or none"
        case .timeSegments(let task):
            let peaks = TestMedia.file(of: item.task).flatMap { SafeFiles.resolve($0, inside: test.folder) }.flatMap {
                WaveformPeaks.json(path: $0.path)
            }
            widget = WidgetView(kind: "time-segments", taskJSON: JSONText.compact(item.task), mediaURL: item.mediaURL, peaksJSON: peaks)
            widgetScript = "segments.js"
            typedHelp =
                "Labels: \(task.labels.joined(separator: ", ")); type each event as label start-end in seconds, e.g. \(task.labels.first ?? "label") 1.2-2.5; separate events with ';', or type none"
        case .boxes:
            widget = WidgetView(kind: "boxes", taskJSON: JSONText.compact(item.task), mediaURL: item.mediaURL, peaksJSON: nil)
            widgetScript = "boxes.js"
        case .polygons:
            widget = WidgetView(kind: "polygons", taskJSON: JSONText.compact(item.task), mediaURL: item.mediaURL, peaksJSON: nil)
            widgetScript = "polygons.js"
        case .keypoints:
            widget = WidgetView(kind: "keypoints", taskJSON: JSONText.compact(item.task), mediaURL: item.mediaURL, peaksJSON: nil)
            widgetScript = "keypoints.js"
        }
    }
}

/// JSON for data attributes and scripts.
enum JSONText {
    static func compact(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
