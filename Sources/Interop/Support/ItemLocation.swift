internal import Courseware
internal import Grading

extension Item {
    /// Where the item is written in `items.yaml`, for notes about what an export left out.
    func location(in assessment: Assessment) -> SourceLocation {
        SourceLocation(file: assessment.itemsPath, line: position.line, column: position.column)
    }
}

/// Notes every export shares: an item of a kind the format cannot hold, and the common keys
/// (lesson, concepts, weight, …) no other tool's format has a place for.
enum ExportNotes {
    static func unsupported(_ item: Item, in assessment: Assessment, format: String) -> ConversionNote {
        ConversionNote(
            item.location(in: assessment), "item '\(item.id)' is a \(item.kind.rawValue) item, which \(format) cannot hold; it is left out")
    }

    /// One note per common key the item sets that `kept` does not list.
    static func commonKeys(_ item: Item, in assessment: Assessment, format: String, kept: Set<String> = []) -> [ConversionNote] {
        var keys: [String] = []
        if item.lesson != nil { keys.append("lesson") }
        if !item.concepts.isEmpty { keys.append("concepts") }
        if item.difficulty != nil { keys.append("difficulty") }
        if item.weight != 1 { keys.append("weight") }
        if item.section != nil { keys.append("section") }
        if !item.isGold { keys.append("gold") }
        if item.hint != nil { keys.append("hint") }
        if !item.reason.isEmpty { keys.append("reason") }
        return keys.filter { !kept.contains($0) }.map {
            ConversionNote(item.location(in: assessment), "item '\(item.id)': '\($0)' has no place in \(format) and is left out")
        }
    }
}
