internal import GroundworkCMark

/// The one place in Groundwork that talks to libcmark.
///
/// It parses, walks cmark's tree, copies every node into
/// ``MarkdownNode`` values and frees the C tree, all within one synchronous call, so no C
/// pointer ever leaves this file (and no cmark memory outlives the call that made it).
enum CMarkParser {
    struct Output {
        var root: Int32
        /// True when nodes nested deeper than the limit were dropped.
        var depthLimitReached: Bool
    }

    /// Parses CommonMark text into `tree`.
    ///
    /// - Parameters:
    ///   - text: The Markdown to parse (already valid UTF-8).
    ///   - tree: Where the nodes go; several parses (a lesson and its special blocks) share one.
    ///   - positions: Maps cmark's (line, byte column) pairs to positions in the original file.
    ///   - maxDepth: Containers nested deeper than this are dropped with their contents, which
    ///     keeps recursive walks of the tree far from the stack's limit.
    ///   - finish: Called for every heading once its text is complete and for every code
    ///     block, so the caller can add anchors and turn special blocks into their own kinds.
    static func parse(
        _ text: UnsafeBufferPointer<UInt8>,
        into tree: inout MarkdownTree,
        positions: PositionMap,
        maxDepth: Int,
        finish: (inout MarkdownTree, Int32) -> Void
    ) -> Output {
        // cmark allocates the parser and its tree in this thread's arena, and restoring the
        // arena frees them all, so none of cmark's free functions is called.
        let mark = gw_arena_save()
        defer { gw_arena_restore(mark) }
        let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, gw_arena_allocator())
        text.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        guard let document = cmark_parser_finish(parser) else {
            return Output(root: tree.appendNode(.document, position: SourcePosition(line: 1, column: 1)), depthLimitReached: false)
        }

        // The walk follows cmark's child and sibling links itself: cmark's iterator takes two
        // calls per step and steps onto every container twice. `open` holds the containers
        // entered and not yet closed, with their cmark nodes to continue from.
        var open: [(node: Int32, lastChild: Int32, cmark: OpaquePointer)] = []
        var depthLimitReached = false
        var root = MarkdownTree.none
        var next: OpaquePointer? = document
        while let node = next {
            let type = cmark_node_get_type(node)
            let leaf = isLeaf(type)
            if !leaf, open.count > maxDepth {
                depthLimitReached = true
            } else {
                // cmark records no position for line breaks; they take their parent's.
                let recorded =
                    open.isEmpty ? positions.documentStart ?? position(of: node, in: positions) : position(of: node, in: positions)
                let fallback =
                    leaf
                    ? open.last.map { tree.position($0.node) } ?? SourcePosition(line: 1, column: 1) : SourcePosition(line: 0, column: 0)
                let index = append(node, type: type, to: &tree, position: recorded ?? fallback)
                if let parent = open.last {
                    if parent.lastChild == MarkdownTree.none {
                        tree.nodes[Int(parent.node)].firstChild = index
                    } else {
                        tree.nodes[Int(parent.lastChild)].nextSibling = index
                    }
                    open[open.count - 1].lastChild = index
                } else {
                    root = index
                }
                if leaf {
                    if tree.nodes[Int(index)].tag == .codeBlock { finish(&tree, index) }
                } else {
                    open.append((index, MarkdownTree.none, node))
                    if let child = cmark_node_first_child(node) {
                        next = child
                        continue
                    }
                }
            }
            // On to the next sibling, closing each container whose last child is done.
            var current = node
            next = nil
            while true {
                if let container = open.last, container.cmark == current {
                    open.removeLast()
                    close(container.node, parent: open.last?.node, in: &tree, finish: finish)
                }
                guard let parent = open.last else { break }
                if let sibling = cmark_node_next(current) {
                    next = sibling
                    break
                }
                current = parent.cmark
            }
        }
        if root == MarkdownTree.none { root = tree.appendNode(.document, position: SourcePosition(line: 1, column: 1)) }
        return Output(root: root, depthLimitReached: depthLimitReached)
    }

    /// Ends a container whose children are all in: cmark records a wrong start for some
    /// autolinks, so such nodes take their first child's position, else their parent's.
    private static func close(_ node: Int32, parent: Int32?, in tree: inout MarkdownTree, finish: (inout MarkdownTree, Int32) -> Void) {
        if tree.nodes[Int(node)].line == 0 {
            let child = tree.nodes[Int(node)].firstChild
            tree.setPosition(
                node,
                child != MarkdownTree.none ? tree.position(child) : parent.map { tree.position($0) } ?? SourcePosition(line: 1, column: 1))
        }
        if tree.nodes[Int(node)].tag == .heading { finish(&tree, node) }
    }

    /// The kinds cmark's iterator enters without exiting: they never have children.
    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE,
            CMARK_NODE_HTML_INLINE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK,
            CMARK_NODE_THEMATIC_BREAK:
            return true
        default:
            return false
        }
    }

    private static func position(of node: OpaquePointer, in map: PositionMap) -> SourcePosition? {
        map.position(line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
    }

    /// Copies a C string owned by the cmark tree into the tree.
    private static func span(_ pointer: UnsafePointer<CChar>?, in tree: inout MarkdownTree) -> Int32 {
        guard let pointer else { return tree.appendSpan(nil, count: 0) }
        let count = strlen(pointer)
        return UnsafeRawPointer(pointer).withMemoryRebound(to: UInt8.self, capacity: count) {
            tree.appendSpan($0, count: count)
        }
    }

    /// Appends one node with its text and returns its index.
    private static func append(_ node: OpaquePointer, type: cmark_node_type, to tree: inout MarkdownTree, position: SourcePosition) -> Int32
    {
        switch type {
        case CMARK_NODE_BLOCK_QUOTE: return tree.appendNode(.blockQuote, position: position)
        case CMARK_NODE_LIST:
            tree.listStyles.append(listStyle(of: node))
            return tree.appendNode(.list, position: position, payload: Int32(tree.listStyles.count - 1))
        case CMARK_NODE_ITEM: return tree.appendNode(.item, position: position)
        case CMARK_NODE_CODE_BLOCK:
            let info = span(cmark_node_get_fence_info(node), in: &tree)
            _ = span(cmark_node_get_literal(node), in: &tree)
            return tree.appendNode(.codeBlock, position: position, payload: info)
        case CMARK_NODE_HTML_BLOCK:
            return tree.appendNode(.htmlBlock, position: position, payload: span(cmark_node_get_literal(node), in: &tree))
        case CMARK_NODE_PARAGRAPH: return tree.appendNode(.paragraph, position: position)
        case CMARK_NODE_HEADING:
            return tree.appendNode(.heading, position: position, extra: Int32(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return tree.appendNode(.thematicBreak, position: position)
        case CMARK_NODE_TEXT:
            let literal = span(cmark_node_get_literal(node), in: &tree)
            tree.wordCount += tree.words(inSpan: literal)
            return tree.appendNode(.text, position: position, payload: literal)
        case CMARK_NODE_SOFTBREAK: return tree.appendNode(.softBreak, position: position)
        case CMARK_NODE_LINEBREAK: return tree.appendNode(.lineBreak, position: position)
        case CMARK_NODE_CODE:
            let literal = span(cmark_node_get_literal(node), in: &tree)
            tree.wordCount += tree.words(inSpan: literal)
            return tree.appendNode(.code, position: position, payload: literal)
        case CMARK_NODE_HTML_INLINE:
            return tree.appendNode(.htmlInline, position: position, payload: span(cmark_node_get_literal(node), in: &tree))
        case CMARK_NODE_EMPH: return tree.appendNode(.emphasis, position: position)
        case CMARK_NODE_STRONG: return tree.appendNode(.strong, position: position)
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let destination = span(cmark_node_get_url(node), in: &tree)
            _ = span(cmark_node_get_title(node), in: &tree)
            let tag: MarkdownTree.Tag = type == CMARK_NODE_LINK ? .link : .image
            return tree.appendNode(tag, position: position, payload: destination)
        default:
            return tree.appendNode(.document, position: position)
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
    /// Where the document node starts when that is not where cmark's text starts.
    var documentStart: SourcePosition?

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
    /// libcmark's parser and HTML renderer with the arena allocator ``CMarkParser`` uses
    /// (the renderer allocates from the document's allocator): the fair baseline of the
    /// pipeline benchmark, since the pipeline's parses get the arena too.
    public static func arenaHTML(_ markdown: String) -> String {
        let mark = gw_arena_save()
        defer { gw_arena_restore(mark) }
        var markdown = markdown
        return markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars -> String in
                let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, gw_arena_allocator())
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
                guard let document = cmark_parser_finish(parser), let html = cmark_render_html(document, CMARK_OPT_DEFAULT) else {
                    return ""
                }
                return String(cString: html)
            }
        }
    }

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
