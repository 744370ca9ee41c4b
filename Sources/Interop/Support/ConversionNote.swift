internal import Courseware

/// Something a conversion could not carry over (a field, an annotation, a setting), said
/// where it stands in the source so a user can decide whether it matters. Conversions never
/// drop anything without one.
public struct ConversionNote: Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    /// One sanitised line: `file:line:col: warning: message`.
    public var description: String { TerminalStyle.sanitize("\(location): warning: \(message)") }
}

/// Why a file cannot be converted at all: malformed JSON or XML, a value of the wrong type,
/// a reference to something the file does not define. Located like a diagnostic.
public struct InteropError: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    /// One sanitised line: `file:line:col: error: message`.
    public var description: String { TerminalStyle.sanitize("\(location): error: \(message)") }
}
