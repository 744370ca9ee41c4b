/// Collects fields a conversion leaves out, so fields repeated on every record (a detection
/// `score` on 100 annotations, a task's dozen bookkeeping fields) give one note at their first
/// place, naming each field and counting the records, rather than hundreds.
struct DroppedFields {
    private struct Group {
        var location: SourceLocation
        var fields: [String]
        var records: Int
    }

    /// Groups in the order first seen, each under the reason its fields are dropped.
    private var order: [String] = []
    private var groups: [String: Group] = [:]

    /// Records every key of `object` outside `known`, with why such fields are dropped.
    mutating func unknownKeys(of object: JSONCursor, known: Set<String>, why: String) {
        let keys = object.keys.filter { !known.contains($0) && object[$0] != nil }
        guard !keys.isEmpty else { return }
        let location = keys.count == 1 ? object[keys[0]]?.location ?? object.location : object.location
        add(keys, at: location, why: why)
    }

    /// Records one dropped thing (a field, a crowd region) at its place.
    mutating func record(_ name: String, at location: SourceLocation, why: String) {
        add([name], at: location, why: why)
    }

    private mutating func add(_ names: [String], at location: SourceLocation, why: String) {
        if var group = groups[why] {
            for name in names where !group.fields.contains(name) { group.fields.append(name) }
            group.records += 1
            groups[why] = group
        } else {
            order.append(why)
            groups[why] = Group(location: location, fields: names, records: 1)
        }
    }

    /// One note per reason, naming its fields.
    var notes: [ConversionNote] {
        order.compactMap { why in
            guard let group = groups[why] else { return nil }
            let names = group.fields.map { "'\($0)'" }
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
            let more = group.records > 1 ? " (here and in \(group.records - 1) more)" : ""
            return ConversionNote(group.location, "\(list) \(names.count == 1 ? "is" : "are") left out\(more): \(why)")
        }
    }
}
