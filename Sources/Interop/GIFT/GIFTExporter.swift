internal import Grading

/// An assessment's single-choice, multiple-choice, short-text and numeric items as GIFT
/// questions: the item id as the question name, the prompt as `[markdown]` text, each
/// answer's credit as a percentage weight, option feedback after `#`, and the reason as the
/// general feedback (`####`), all of which `import gift` reads back.
///
/// Lost, each with a note: other kinds; option ids (GIFT names a choice by its text);
/// multiple-choice scoring other than a credit map (Jaccard and all-or-nothing become
/// Moodle's per-choice weights: each right choice 100/n %, each wrong one −100/n %);
/// short-text patterns and case sensitivity; a numeric item's unit; the common keys.
/// Moodle accepts only certain weights (100, 90, 83.33333, 80, 75, …); others are written as
/// they are and Moodle may refuse them.
enum GIFTExporter {
    static func write(_ assessment: Assessment) -> (String, [ConversionNote]) {
        var notes: [ConversionNote] = []
        var questions: [String] = []
        for item in assessment.items {
            let location = item.location(in: assessment)
            func lost(_ what: String) { notes.append(ConversionNote(location, "item '\(item.id)': \(what)")) }
            let answers: String
            switch item.content {
            case .singleChoice(let task, let key):
                if task.options.contains(where: { $0.id != $0.text }) { lost("option ids are not kept; GIFT names a choice by its text") }
                answers = task.options.map { option in
                    let credit = key.credits[option.id] ?? 0
                    let marker = credit >= 1 ? "=" : "~" + (credit == 0 ? "" : "%\(percent(credit))%")
                    return marker + GIFTText.escaping(option.text) + feedback(key.explanations[option.id])
                }.joined(separator: "\n")
            case .multipleChoice(let task, let key):
                if task.options.contains(where: { $0.id != $0.text }) { lost("option ids are not kept; GIFT names a choice by its text") }
                var credits = key.credits
                if credits.isEmpty {
                    lost(
                        "its \(key.scoring.rawValue) scoring becomes Moodle's per-choice weights (each right choice 100/n %, each wrong one -100/n %)"
                    )
                    let share = 1 / Double(max(key.correct.count, 1))
                    for option in task.options { credits[option.id] = key.correct.contains(option.id) ? share : -share }
                }
                answers = task.options.map { option in
                    "~%\(percent(credits[option.id] ?? 0))%" + GIFTText.escaping(option.text) + feedback(key.explanations[option.id])
                }.joined(separator: "\n")
            case .shortText(_, let key):
                if key.caseSensitive { lost("'case-sensitive: true' is not kept; Moodle's short answers ignore case by default") }
                var lines: [String] = []
                for variant in key.variants {
                    guard case .text(let text) = variant.match else {
                        lost("a pattern answer has no GIFT form and is left out")
                        continue
                    }
                    let weight = variant.credit >= 1 ? "" : "%\(percent(variant.credit))%"
                    lines.append("=" + weight + GIFTText.escaping(text) + feedback(variant.feedback))
                }
                answers = lines.joined(separator: "\n")
            case .numeric(let task, let key):
                if task.unit != nil { lost("its unit is not kept") }
                answers =
                    "#"
                    + key.variants.map { variant in
                        "=" + (variant.credit >= 1 ? "" : "%\(percent(variant.credit))%")
                            + "\(NumberText.exact(variant.value)):\(NumberText.exact(variant.tolerance))"
                    }.joined(separator: "\n")
            case .rating, .spans, .boxes, .polygons, .keypoints, .transcription, .timeSegments, .ranking, .pairwise, .rubric:
                notes.append(ExportNotes.unsupported(item, in: assessment, format: "GIFT"))
                continue
            }
            notes += ExportNotes.commonKeys(item, in: assessment, format: "GIFT", kept: ["reason"])
            questions.append(
                "::\(GIFTText.escaping(item.id))::[markdown]\(GIFTText.escaping(item.prompt)) {\n\(answers)\n####\(GIFTText.escaping(item.reason))\n}"
            )
        }
        return (questions.joined(separator: "\n\n") + "\n", notes)
    }

    /// A credit as a GIFT percentage: `0.5` → `50`, with at most five decimals.
    private static func percent(_ credit: Double) -> String {
        NumberText.exact(((credit * 100) * 100_000).rounded() / 100_000)
    }

    private static func feedback(_ text: String?) -> String {
        text.map { "#" + GIFTText.escaping($0) } ?? ""
    }
}
