import Foundation

@testable import Grading

/// A JSON Schema (2020-12) validator for exactly the keywords docs/report.schema.json uses.
/// A keyword it does not know is itself an error, so the schema cannot rely on a rule this
/// validator would silently skip.
struct ReportSchemaValidator {
    let root: JSONValue

    static let known: Set<String> = [
        "$schema", "$id", "title", "description", "$defs", "type", "properties", "required", "additionalProperties",
        "propertyNames", "items", "enum", "const", "minimum", "maximum", "$ref", "oneOf",
    ]

    init(schema: Data) throws { root = try JSONDecoder().decode(JSONValue.self, from: schema) }

    /// Every violation, each with the JSON path where it is; empty when `document` is valid.
    func errors(in document: JSONValue) -> [String] {
        var found: [String] = []
        check(document, against: root, at: "$", into: &found)
        return found
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into errors: inout [String]) {
        guard case .object(let rules) = schema else {
            errors.append("\(path): schema is not an object")
            return
        }
        for key in rules.keys where !Self.known.contains(key) { errors.append("\(path): schema keyword \(key) is not supported") }
        if case .string(let ref)? = rules["$ref"] {
            guard let target = resolve(ref) else { return errors.append("\(path): cannot resolve \(ref)") }
            check(value, against: target, at: path, into: &errors)
        }
        if let type = rules["type"], !matches(value, type) { errors.append("\(path): \(describe(value)) is not of type \(type)") }
        if case .array(let options)? = rules["enum"], !options.contains(value) {
            errors.append("\(path): \(describe(value)) is not one of \(options)")
        }
        if let constant = rules["const"], constant != value { errors.append("\(path): \(describe(value)) is not \(constant)") }
        if case .number(let x) = value {
            if case .number(let lo)? = rules["minimum"], x < lo { errors.append("\(path): \(x) is below \(lo)") }
            if case .number(let hi)? = rules["maximum"], x > hi { errors.append("\(path): \(x) is above \(hi)") }
        }
        if case .array(let options)? = rules["oneOf"] {
            let passing = options.filter { option in
                var sub: [String] = []
                check(value, against: option, at: path, into: &sub)
                return sub.isEmpty
            }
            if passing.count != 1 { errors.append("\(path): matches \(passing.count) of the oneOf schemas, not exactly 1") }
        }
        if case .array(let elements) = value, let itemSchema = rules["items"] {
            for (i, element) in elements.enumerated() { check(element, against: itemSchema, at: "\(path)[\(i)]", into: &errors) }
        }
        guard case .object(let members) = value else { return }
        var properties: [String: JSONValue] = [:]
        if case .object(let p)? = rules["properties"] { properties = p }
        if case .array(let required)? = rules["required"] {
            for case .string(let name) in required where members[name] == nil { errors.append("\(path): missing \(name)") }
        }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let names = rules["propertyNames"] { check(.string(name), against: names, at: "\(path) key \(name)", into: &errors) }
            if let sub = properties[name] {
                check(member, against: sub, at: "\(path).\(name)", into: &errors)
            } else if let extra = rules["additionalProperties"] {
                if extra == .bool(false) {
                    errors.append("\(path): \(name) is not allowed")
                } else if extra != .bool(true) {
                    check(member, against: extra, at: "\(path).\(name)", into: &errors)
                }
            }
        }
    }

    private func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#/") else { return nil }
        var node = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard case .object(let members) = node, let next = members[String(part)] else { return nil }
            node = next
        }
        return node
    }

    private func matches(_ value: JSONValue, _ type: JSONValue) -> Bool {
        switch type {
        case .array(let types): return types.contains { matches(value, $0) }
        case .string(let name):
            switch (name, value) {
            case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number):
                return true
            case ("integer", .number(let x)): return x.rounded() == x
            default: return false
            }
        default: return false
        }
    }

    private func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return "\"\(s)\""
        case .number(let x): return "\(x)"
        default: return value.typeDescription
        }
    }
}
