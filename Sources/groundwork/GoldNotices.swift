import Foundation
import Gradebook

/// Decisions on contests that changed the learner's records lately, for the home view.
enum GoldNotices {
    /// Those of the last ``GoldNotice/shownForDays`` days, newest first; none when the
    /// gradebook cannot be read (the home view must not fail for it).
    static func recent(_ book: LearnerBook) -> [GoldNotice] {
        let since = book.now().addingTimeInterval(-Double(GoldNotice.shownForDays) * 86_400)
        return (try? book.goldNotices(since: since)) ?? []
    }
}
