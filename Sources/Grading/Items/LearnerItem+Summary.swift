import Courseware
internal import Foundation

extension LearnerItem {
    /// The prompt's first line of text, Markdown removed and cut to `limit` characters with
    /// an ellipsis: what a review list shows so a learner recognises the item.
    public func promptSummary(limit: Int) -> String {
        let plain = TerminalRenderer(width: 1000, color: false).render(MarkdownDocument(source: SourceFile(path: "prompt", text: prompt)))
        let line = plain.split(whereSeparator: \.isNewline).lazy.map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
        let limit = max(2, limit)
        return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
    }
}
