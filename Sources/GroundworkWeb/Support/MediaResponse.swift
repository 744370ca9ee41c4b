import Foundation
import HTTPTypes
import Hummingbird

/// A file from disk as a response, with byte ranges so audio and video can seek. Media are
/// sandboxed: an SVG opened on its own cannot run script.
enum MediaResponse {
    /// Larger files are not served (shipped media are a few hundred kilobytes).
    static let maximumBytes = 64 * 1024 * 1024

    static func file(_ path: String, type: String, range: String? = nil) throws -> Response {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = (attributes[.size] as? NSNumber)?.intValue, size <= maximumBytes,
            let data = FileManager.default.contents(atPath: path)
        else { throw WebError(.notFound, "no such file") }
        var headers: HTTPFields = [
            .contentType: type, .acceptRanges: "bytes", .cacheControl: "private, max-age=3600",
            .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        ]
        if let range, let (start, end) = byteRange(range, size: data.count) {
            headers[.contentRange] = "bytes \(start)-\(end)/\(data.count)"
            return Response(status: .partialContent, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data[start...end])))
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// "bytes=100-199", "bytes=100-" or "bytes=-50" as an inclusive range inside the file.
    static func byteRange(_ header: String, size: Int) -> (Int, Int)? {
        guard header.hasPrefix("bytes="), size > 0 else { return nil }
        let parts = header.dropFirst(6).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        if parts[0].isEmpty, let suffix = Int(parts[1]), suffix > 0 { return (max(0, size - suffix), size - 1) }
        guard let start = Int(parts[0]), start < size else { return nil }
        let end = parts[1].isEmpty ? size - 1 : min(Int(parts[1]) ?? -1, size - 1)
        return end >= start ? (start, end) : nil
    }
}
