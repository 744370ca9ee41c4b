/// A Label Studio project's labeling config (the `<View>` XML of its settings), as far as an
/// import needs it: each control tag's name, the options or labels it offers, whether a
/// `Choices` takes several, and a `Rating`'s highest value. With it an import offers every
/// option the project has, not only those some annotation used.
struct LabelStudioConfig {
    struct Control {
        /// The result type the control writes (`choices`, `rectanglelabels`, …).
        var type: String
        var values: [String]
        /// `Choices choice="multiple"`.
        var multiple: Bool
        /// `Rating maxRating` (5 when not given).
        var maxRating: Int
        var location: SourceLocation
    }

    var controls: [String: Control]
    var file: String

    /// Control tags and the result type each writes.
    private static let types: [String: String] = [
        "choices": "choices", "labels": "labels", "rectanglelabels": "rectanglelabels", "polygonlabels": "polygonlabels",
        "keypointlabels": "keypointlabels", "textarea": "textarea", "rating": "rating",
    ]

    static func read(_ root: XMLElementNode) throws(InteropError) -> LabelStudioConfig {
        guard root.localName.lowercased() == "view" else {
            throw InteropError(root.location, "is a <\(root.name)>; a Label Studio labeling config starts with <View>")
        }
        var controls: [String: Control] = [:]
        var stack = [root]
        while let node = stack.popLast() {
            stack += node.children.reversed()
            guard let type = types[node.localName.lowercased()] else { continue }
            guard let name = node.attributes["name"], !name.isEmpty else {
                throw InteropError(node.location, "<\(node.name)> has no 'name'; Label Studio names every control")
            }
            guard controls[name] == nil else { throw InteropError(node.location, "a second control is named '\(name)'") }
            var values: [String] = []
            var options = [node]
            while let option = options.popLast() {
                options += option.children.reversed()
                guard ["choice", "label"].contains(option.localName.lowercased()) else { continue }
                guard let value = option.attributes["alias"] ?? option.attributes["value"] else {
                    throw InteropError(option.location, "<\(option.name)> has no 'value'")
                }
                if !values.contains(value) { values.append(value) }
            }
            var maxRating = 5
            if let text = node.attributes["maxRating"] {
                guard let value = Int(text), (1...100).contains(value) else {
                    throw InteropError(node.location, "'maxRating' must be a whole number from 1 to 100, got '\(text)'")
                }
                maxRating = value
            }
            controls[name] = Control(
                type: type, values: values, multiple: node.attributes["choice"] == "multiple", maxRating: maxRating, location: node.location
            )
        }
        return LabelStudioConfig(controls: controls, file: root.location.file)
    }
}
