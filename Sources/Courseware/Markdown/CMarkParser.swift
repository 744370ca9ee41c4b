internal import GroundworkCMark

/// The one place in Groundwork that talks to libcmark.
///
/// It parses, walks cmark's tree with cmark's own iterator, copies every node into
/// ``MarkdownNode`` values and frees the C tree, all within one synchronous call, so no C
/// pointer ever leaves this file.
enum CMarkParser {
    struct Output {
        var root: MarkdownNode
        /// True when nodes nested deeper than the limit were dropped.
        var depthLimitReached: Bool
    }

    /// Parses CommonMark text.
    ///
    /// - Parameters:
    ///   - text: The Markdown to parse (already valid UTF-8).
    ///   - positions: Maps cmark's (line, byte column) pairs to positions in the original file.
    ///   - maxDepth: Containers nested deeper than this are dropped with their contents, which
    ///     keeps recursive walks of the Swift tree far from the stack's limit.
    ///   - finish: Called on every node once its children are complete; may replace it.
    static func parse(
        _ text: String,
        positions: PositionMap,
        maxDepth: Int,
        finish: (MarkdownNode) -> MarkdownNode
    ) -> Output {
        var text = text
        let document: OpaquePointer? = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let document, let iterator = cmark_iter_new(document) else {
            return Output(root: MarkdownNode(.document, position: .init(line: 1, column: 1)), depthLimitReached: false)
        }
        defer {
            cmark_iter_free(iterator)
            cmark_node_free(document)
        }

        var stack: [MarkdownNode] = []
        var skipped: OpaquePointer?
        var depthLimitReached = false
        var root = MarkdownNode(.document, position: .init(line: 1, column: 1))

        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if let skippedNode = skipped {
                if node == skippedNode, event == CMARK_EVENT_EXIT { skipped = nil }
                continue
            }
            if event == CMARK_EVENT_ENTER {
                // cmark records no position for line breaks and a wrong one for some
                // autolinks; such nodes take their first child's position, else their parent's.
                let recorded = position(of: node, in: positions)
                let value = MarkdownNode(kind(of: node), position: recorded ?? unknownPosition)
                if isLeaf(node) {
                    var value = value
                    if recorded == nil { value.position = stack.last?.position ?? SourcePosition(line: 1, column: 1) }
                    stack[stack.count - 1].children.append(finish(value))
                } else if stack.count > maxDepth {
                    depthLimitReached = true
                    skipped = node
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                } else {
                    stack.append(value)
                }
            } else if event == CMARK_EVENT_EXIT, var finished = stack.popLast() {
                if finished.position == unknownPosition {
                    finished.position = finished.children.first?.position ?? stack.last?.position ?? SourcePosition(line: 1, column: 1)
                }
                let value = finish(finished)
                if stack.isEmpty { root = value } else { stack[stack.count - 1].children.append(value) }
            }
        }
        return Output(root: root, depthLimitReached: depthLimitReached)
    }

    private static func isLeaf(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE,
            CMARK_NODE_HTML_INLINE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK,
            CMARK_NODE_THEMATIC_BREAK:
            return true
        default:
            return false
        }
    }

    private static let unknownPosition = SourcePosition(line: 0, column: 0)

    private static func position(of node: OpaquePointer, in map: PositionMap) -> SourcePosition? {
        map.position(line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list(listStyle(of: node))
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)), anchor: "")
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: return .document
        }
    }

    private static func listStyle(of node: OpaquePointer) -> ListStyle {
        let tight = cmark_node_get_list_tight(node) != 0
        guard cmark_node_get_list_type(node) == CMARK_ORDERED_LIST else {
            return ListStyle(marker: .bullet, isTight: tight)
        }
        let delimiter: Character = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : "."
        return ListStyle(marker: .ordered(start: Int(cmark_node_get_list_start(node)), delimiter: delimiter), isTight: tight)
    }
}

/// Maps positions reported by cmark for a piece of text back into the file it came from.
///
/// A lesson body is parsed in place (front matter blanked out line for line), so its map is
/// the identity; the body of a special block is parsed on its own, so its lines are shifted
/// by the line of the opening fence and its columns by the fence's indentation.
struct PositionMap {
    var source: SourceFile
    var lineOffset = 0
    var byteColumnOffset = 0

    /// The file position, or nil when cmark's numbers do not point inside the text.
    func position(line: Int, byteColumn: Int) -> SourcePosition? {
        let fileLine = line + lineOffset
        guard line >= 1, byteColumn >= 1, fileLine <= source.lineCount,
            byteColumn + byteColumnOffset <= source.lineByteCount(fileLine) + 1
        else { return nil }
        return SourcePosition(
            line: fileLine,
            column: source.characterColumn(line: fileLine, byteColumn: byteColumn + byteColumnOffset))
    }
}

/// libcmark's own HTML renderer, called directly: the reference Groundwork's
/// ``HTMLRenderer`` is tested against, and the baseline its benchmark measures.
public enum CMarkReference {
    /// `cmark_markdown_to_html` with cmark's default (safe) options.
    public static func html(_ markdown: String) -> String {
        var markdown = markdown
        return markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars -> String in
                guard let html = cmark_markdown_to_html(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT) else { return "" }
                defer { free(html) }
                return String(cString: html)
            }
        }
    }
}
