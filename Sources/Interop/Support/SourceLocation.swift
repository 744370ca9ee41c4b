/// Where something in a converted file is: a line and column for text formats, a JSON path
/// (`$.annotations[3].bbox`) for JSON, or the file alone.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// A JSONPath-style address of a value, when the file is JSON.
    public var jsonPath: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, jsonPath: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.jsonPath = jsonPath
    }

    /// `file:line:column`, `file: $.path` or `file`, the way diagnostics start.
    public var description: String {
        if let line { return "\(file):\(line):\(column ?? 1)" }
        if let jsonPath { return "\(file): \(jsonPath)" }
        return file
    }
}
