internal import Foundation

/// QTI 3.0 content as a test: a single `qti-assessment-item` file, a `qti-assessment-test`
/// (its item references read relative to it, its sections' candidate rubric blocks as the
/// instructions), or a content package (a folder or its `imsmanifest.xml`: the package's
/// test, else its items in manifest order). ``QTIItemReader`` maps each item.
enum QTIImporter {
    /// How many item files one test may reference, so a hostile package cannot make an
    /// import read without end.
    static let maximumItems = 2_000

    static func read(path: String, read: (String) throws(InteropError) -> [UInt8]) throws(InteropError) -> (
        DraftAssessment, [ConversionNote]
    ) {
        var isFolder: ObjCBool = false
        let file =
            FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
            ? (path as NSString).appendingPathComponent("imsmanifest.xml") : path
        let root = try XMLTree.parse(try read(file), file: file)
        var notes: [ConversionNote] = []
        let base = (file as NSString).deletingLastPathComponent
        switch root.localName {
        case "qti-assessment-item":
            let items = try QTIItemReader.read(root, notes: &notes)
            return (
                try draft(title: root.attributes["title"] ?? stem(file), instructions: "", items: items, root: root, notes: notes), notes
            )
        case "qti-assessment-test":
            return try test(root, base: base, read: read, notes: &notes)
        case "manifest":
            let resources = root.first("resources")?.all("resource") ?? []
            if let test = resources.first(where: { ($0.attributes["type"] ?? "").hasPrefix("imsqti_test") }),
                let href = test.attributes["href"]
            {
                let testFile = try resolve(href, base: base, at: test)
                let testRoot = try XMLTree.parse(try read(testFile), file: testFile)
                return try self.test(testRoot, base: (testFile as NSString).deletingLastPathComponent, read: read, notes: &notes)
            }
            var items: [DraftItem] = []
            for resource in resources where (resource.attributes["type"] ?? "").hasPrefix("imsqti_item") {
                guard let href = resource.attributes["href"] else { throw InteropError(resource.location, "<resource> has no 'href'") }
                items += try item(href, base: base, at: resource, read: read, notes: &notes)
            }
            return (try draft(title: stem(base), instructions: "", items: items, root: root, notes: notes), notes)
        default:
            let old = ["assessmentItem", "assessmentTest"].contains(root.localName) ? " (this is QTI 2.x; only QTI 3.0 is read)" : ""
            throw InteropError(
                root.location,
                "is a <\(root.name)>\(old); a QTI 3.0 import reads a <qti-assessment-item>, a <qti-assessment-test> or a package's imsmanifest.xml"
            )
        }
    }

    private static func test(
        _ root: XMLElementNode, base: String, read: (String) throws(InteropError) -> [UInt8], notes: inout [ConversionNote]
    ) throws(InteropError) -> (DraftAssessment, [ConversionNote]) {
        var items: [DraftItem] = []
        var instructions: [String] = []
        var references = 0
        var stack = [root]
        var order: [XMLElementNode] = []
        while let node = stack.popLast() {
            order.append(node)
            stack += node.children.reversed()
        }
        for node in order {
            switch node.localName {
            case "qti-assessment-item-ref":
                references += 1
                guard references <= maximumItems else {
                    throw InteropError(node.location, "the test references more than \(maximumItems) items; split it")
                }
                guard let href = node.attributes["href"] else { throw InteropError(node.location, "<\(node.name)> has no 'href'") }
                let weight = try self.weight(node, notes: &notes)
                items += try item(href, base: base, at: node, read: read, notes: &notes).map { item in
                    var item = item
                    if weight != 1 { item.fields.append(.init("weight", .number(weight))) }
                    return item
                }
            case "qti-rubric-block":
                var text = QTIText { _ in nil }
                let rubric = text.markdown(node)
                notes += text.notes
                if node.attributes["view"].map({ $0.split(separator: " ").contains("candidate") }) ?? true {
                    if !rubric.isEmpty { instructions.append(rubric) }
                } else {
                    notes.append(
                        ConversionNote(
                            node.location, "a rubric block for '\(node.attributes["view"] ?? "")' is not kept; only the candidate's is"))
                }
            case "qti-time-limits":
                notes.append(ConversionNote(node.location, "QTI time limits are not kept; set 'time-limit' in assessment.md"))
            case "qti-outcome-processing", "qti-branch-rule", "qti-pre-condition", "qti-selection", "qti-ordering":
                notes.append(
                    ConversionNote(
                        node.location, "<\(node.name)> is not kept; Groundwork gives every item in order and adds the item scores"))
            default: continue
            }
        }
        return (
            try draft(
                title: root.attributes["title"] ?? root.attributes["identifier"] ?? "QTI test",
                instructions: instructions.joined(separator: "\n\n"),
                items: items, root: root, notes: notes), notes
        )
    }

    /// The reference's `qti-weight` (1 without one). Groundwork has one weight per item: a
    /// reference with several keeps the first, with a note.
    private static func weight(_ reference: XMLElementNode, notes: inout [ConversionNote]) throws(InteropError) -> Double {
        let weights = reference.all("qti-weight")
        guard let first = weights.first else { return 1 }
        guard let value = try QTIResponse.number(first, "value"), value > 0, value <= 1000 else {
            throw InteropError(first.location, "<qti-weight> needs a 'value' above 0 and at most 1000")
        }
        if weights.count > 1 {
            notes.append(ConversionNote(weights[1].location, "only the first weight of an item is kept (Groundwork has one per item)"))
        }
        return value
    }

    private static func item(
        _ href: String, base: String, at node: XMLElementNode, read: (String) throws(InteropError) -> [UInt8], notes: inout [ConversionNote]
    ) throws(InteropError) -> [DraftItem] {
        let file = try resolve(href, base: base, at: node)
        return try QTIItemReader.read(try XMLTree.parse(try read(file), file: file), notes: &notes)
    }

    /// A relative `href` inside the package; URLs and paths that leave it are refused.
    private static func resolve(_ href: String, base: String, at node: XMLElementNode) throws(InteropError) -> String {
        let decoded = href.removingPercentEncoding ?? href
        guard !decoded.contains("://"), !decoded.hasPrefix("/"), !decoded.split(separator: "/").contains("..") else {
            throw InteropError(node.location, "refers to '\(href)'; only files inside the package are read")
        }
        return (base as NSString).appendingPathComponent(decoded)
    }

    private static func draft(
        title: String, instructions: String, items: [DraftItem], root: XMLElementNode, notes: [ConversionNote]
    ) throws(InteropError) -> DraftAssessment {
        guard !items.isEmpty else {
            throw InteropError(
                root.location, "has no choice or text-entry item Groundwork can score" + (notes.last.map { ": \($0.message)" } ?? ""))
        }
        var seen: [String: Int] = [:]
        let unique = items.map { item -> DraftItem in
            var item = item
            seen[item.id, default: 0] += 1
            if let count = seen[item.id], count > 1 { item.id += "-\(count)" }
            return item
        }
        let text = instructions.isEmpty ? "Imported from QTI 3.0." : instructions
        return DraftAssessment(title: title, instructions: text + "\n", items: unique)
    }

    private static func stem(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
