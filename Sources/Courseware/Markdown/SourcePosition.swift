/// A place in a source file: 1-based line and 1-based column.
///
/// Columns count Unicode scalar values (code points) from the start of the line, the way
/// Python and most editors count characters; a byte-order mark is not counted.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}
