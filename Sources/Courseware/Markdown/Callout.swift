/// A boxed aside in a lesson, written as a fenced block such as
/// ```` ```tip Check the zoom level ````; the words after the kind are its optional title and
/// the block's body is Markdown.
public struct Callout: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case tip, note, warning, example
    }

    public var kind: Kind
    public var title: String?

    public init(kind: Kind, title: String?) {
        self.kind = kind
        self.title = title
    }
}
