import Gradebook
public import Hummingbird

/// Per-request state: the session's form token, set by ``SessionMiddleware``.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The token every state-changing request must carry (a form field or a header).
    public var formToken = ""
    /// The learner the request acts for: the one local learner until accounts exist (a
    /// benchmark may name others, see ``LearnerMiddleware``).
    public var learner = Gradebook.localLearner

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Bodies larger than this are refused with 413: the largest real answer (a polygon set,
    /// a long transcript) is a few kilobytes.
    public var maxUploadSize: Int { 256 * 1024 }
}
