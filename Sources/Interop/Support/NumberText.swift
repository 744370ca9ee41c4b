/// Numbers as written into converted files: exact (the shortest text that reads back as the
/// same double), and without a trailing `.0` on whole numbers, so `640` stays `640`.
enum NumberText {
    static func exact(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
