public import Courseware
internal import Foundation

extension JSONValue {
    /// Why bytes are not JSON: where, when it can be told, and Foundation's own words.
    public struct SyntaxError: Error, Sendable, Equatable {
        /// The line and column of the fault; nil when Foundation does not say where.
        public var position: SourcePosition?
        /// Foundation's description of what is wrong.
        public var detail: String
    }

    /// Decodes JSON text, locating a syntax error by line and column where Foundation lets
    /// it be found, so every reader of JSON files (answers, imported annotation files)
    /// reports it the same way.
    ///
    /// - Throws: ``SyntaxError`` when the bytes are not JSON.
    public static func parse(_ bytes: [UInt8], path: String) throws(SyntaxError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            let position = syntaxErrorOffset(bytes).map { SourceFile(path: path, bytes: bytes).position(ofByteOffset: $0) }
            throw SyntaxError(position: position, detail: describe(error))
        }
    }

    /// Where the JSON goes wrong, as a byte offset: Foundation's decoder does not say, but its
    /// serialiser reports "around character N" (N counts UTF-16 units of the text) or the end
    /// of the file.
    private static func syntaxErrorOffset(_ bytes: [UInt8]) -> Int? {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            return nil
        } catch {
            let message = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if message.contains("end of file") { return bytes.count }
            guard let range = message.range(of: "character ") else { return nil }
            guard let units = Int(message[range.upperBound...].prefix { $0.isNumber }) else { return nil }
            let text = String(decoding: bytes, as: UTF8.self)
            let index = text.utf16.index(text.utf16.startIndex, offsetBy: min(units, text.utf16.count))
            return text.utf8.distance(from: text.utf8.startIndex, to: index)
        }
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return "\(error)"
    }
}
