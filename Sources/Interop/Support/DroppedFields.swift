/// Collects fields a conversion leaves out, so a field repeated on every record (a detection
/// `score` on 100 annotations) gives one note at its first place with a count, not 100.
struct DroppedFields {
    private var order: [String] = []
    private var seen: [String: (location: SourceLocation, count: Int, why: String)] = [:]

    /// Records every key of `object` outside `known`, with why such a field is dropped.
    mutating func unknownKeys(of object: JSONCursor, known: Set<String>, why: String) {
        for key in object.keys where !known.contains(key) {
            if let field = object[key] { record(key, at: field.location, why: why) }
        }
    }

    mutating func record(_ key: String, at location: SourceLocation, why: String) {
        if var entry = seen[key] {
            entry.count += 1
            seen[key] = entry
        } else {
            order.append(key)
            seen[key] = (location, 1, why)
        }
    }

    /// One note per dropped field name.
    var notes: [ConversionNote] {
        order.compactMap { key in
            guard let entry = seen[key] else { return nil }
            let more = entry.count > 1 ? " (here and \(entry.count - 1) more)" : ""
            return ConversionNote(entry.location, "'\(key)' is left out\(more): \(entry.why)")
        }
    }
}
