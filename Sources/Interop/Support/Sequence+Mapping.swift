extension Sequence {
    /// `map` for a closure that throws only ``InteropError``: the standard library's `map`
    /// rethrows as `any Error`, which would lose the typed, located error.
    func mapping<T>(_ transform: (Element) throws(InteropError) -> T) throws(InteropError) -> [T] {
        var result: [T] = []
        for element in self { result.append(try transform(element)) }
        return result
    }
}
