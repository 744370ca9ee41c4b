internal import Foundation

#if canImport(FoundationXML)
    internal import FoundationXML
#endif

/// An XML element read with its place in the file, so a bad value is reported at its line
/// and column. Built with Foundation's `XMLParser` (FoundationXML on Linux); external
/// entities are never resolved.
final class XMLElementNode {
    let name: String
    let attributes: [String: String]
    let location: SourceLocation
    fileprivate(set) var text = ""
    fileprivate(set) var children: [XMLElementNode] = []
    /// Text and child elements in document order, for mixed content such as an HTML
    /// paragraph with a blank inside it (`text` and `children` alone lose the order).
    fileprivate(set) var content: [XMLContent] = []

    init(name: String, attributes: [String: String], location: SourceLocation) {
        self.name = name
        self.attributes = attributes
        self.location = location
    }

    fileprivate func append(_ string: String) {
        text += string
        if case .text(let last) = content.last {
            content[content.count - 1] = .text(last + string)
        } else {
            content.append(.text(string))
        }
    }

    /// The children with this (local) name.
    func all(_ name: String) -> [XMLElementNode] { children.filter { $0.localName == name } }

    func first(_ name: String) -> XMLElementNode? { children.first { $0.localName == name } }

    /// The element's name without a namespace prefix.
    var localName: String { name.split(separator: ":").last.map(String.init) ?? name }

    /// The text of the child `name`, trimmed; nil when there is no such child.
    func value(_ name: String) -> String? { first(name)?.text.trimmingCharacters(in: .whitespacesAndNewlines) }

    func required(_ name: String) throws(InteropError) -> XMLElementNode {
        guard let child = first(name) else { throw InteropError(location, "<\(self.name)> has no <\(name)>") }
        return child
    }

    /// The text of a required child as a number.
    func number(_ name: String) throws(InteropError) -> Double {
        let child = try required(name)
        let text = child.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = Double(text), value.isFinite, abs(value) <= 1e12 else {
            throw InteropError(child.location, "<\(name)> must be a number from -10^12 to 10^12, got '\(text)'")
        }
        return value
    }
}

/// One piece of an element's mixed content.
enum XMLContent {
    case text(String)
    case element(XMLElementNode)
}

enum XMLTree {
    /// How deep elements may nest. Real QTI, QuestionForm and labeling-config files stay
    /// within a few dozen levels; the limit keeps the recursive walks over the tree (and its
    /// release) far from the stack's end on a hostile file.
    static let maximumDepth = 256

    /// The root element of an XML file.
    ///
    /// - Throws: ``InteropError`` at the line and column where the XML breaks.
    static func parse(_ bytes: [UInt8], file: String) throws(InteropError) -> XMLElementNode {
        // FoundationXML traps on a name that is not UTF-8, so bytes are checked first.
        if String(validating: bytes, as: UTF8.self) == nil {
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let line = (lines.firstIndex { String(validating: $0, as: UTF8.self) == nil } ?? 0) + 1
            throw InteropError(SourceLocation(file: file, line: line, column: 1), "is not UTF-8 text; save the XML as UTF-8")
        }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let builder = Builder(file: file, parser: parser)
        parser.delegate = builder
        let parsed = parser.parse()
        if let place = builder.tooDeep {
            throw InteropError(
                SourceLocation(file: file, line: max(1, place.line), column: max(1, place.column)),
                "nests elements more than \(maximumDepth) levels deep; no real file of this kind does")
        }
        guard parsed, builder.firstError == nil, let root = builder.root else {
            let place: (line: Int, column: Int) = builder.firstError?.place ?? (parser.lineNumber, parser.columnNumber)
            let location = SourceLocation(file: file, line: max(1, place.line), column: max(1, place.column))
            let reason = (builder.firstError?.error ?? parser.parserError).map(describe) ?? "it holds no element"
            throw InteropError(location, "is not well-formed XML (\(reason)); check the tag or character at or just before this point")
        }
        return root
    }

    /// libxml2's error codes in words, for the common ones; others by number.
    private static func describe(_ error: any Error) -> String {
        let code = (error as NSError).code
        let words: [Int: String] = [
            4: "the file is empty", 5: "the file ends inside an element", 9: "a character that XML does not allow",
            23: "a '<' or '&' that starts no tag or entity", 26: "an entity that is not defined", 38: "an attribute value without quotes",
            39: "an attribute value without its closing quote", 41: "an attribute without a value", 73: "a tag that is not closed with '>'",
            76: "an end tag that does not match its start tag", 77: "an end tag without a start tag",
        ]
        return words[code].map { "\($0), libxml2 error \(code)" } ?? "libxml2 error \(code)"
    }

    private final class Builder: NSObject, XMLParserDelegate {
        let file: String
        unowned let parser: XMLParser
        var root: XMLElementNode?
        var stack: [XMLElementNode] = []
        /// The first error the parser reported, where it was: some (a mismatched end tag)
        /// do not stop `parse()` from returning true.
        var firstError: (error: any Error, place: (line: Int, column: Int))?
        /// Where the nesting passed ``XMLTree/maximumDepth``; parsing stops there.
        var tooDeep: (line: Int, column: Int)?

        init(file: String, parser: XMLParser) {
            self.file = file
            self.parser = parser
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            guard stack.count < XMLTree.maximumDepth else {
                if tooDeep == nil { tooDeep = (parser.lineNumber, parser.columnNumber) }
                parser.abortParsing()
                return
            }
            let node = XMLElementNode(
                name: elementName, attributes: attributes,
                location: SourceLocation(file: file, line: parser.lineNumber, column: parser.columnNumber))
            if let parent = stack.last {
                parent.children.append(node)
                parent.content.append(.element(node))
            } else {
                root = node
            }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.append(string)
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            // libxml2 reports a namespace URI that is not absolute (99, 100) as a warning.
            guard ![99, 100].contains((parseError as NSError).code) else { return }
            if firstError == nil { firstError = (parseError, (parser.lineNumber, parser.columnNumber)) }
        }

        func parser(_ parser: XMLParser, validationErrorOccurred validationError: any Error) {
            if firstError == nil { firstError = (validationError, (parser.lineNumber, parser.columnNumber)) }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.append(String(decoding: CDATABlock, as: UTF8.self))
        }
    }
}
