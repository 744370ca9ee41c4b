public import Courseware
internal import Foundation

extension JSONValue {
    /// Why bytes are not JSON: where, and what was expected there.
    public struct SyntaxError: Error, Sendable, Equatable {
        /// The line and column of the fault (the end of the text when it ends too soon).
        public var position: SourcePosition
        /// What is wrong, in words: "expected ',' or '}' after a value in an object, found '\"'".
        public var detail: String
        /// True when the punctuation between values is at fault, where a missing comma, quote
        /// or bracket is the usual cause; false for a fault inside a value (invalid UTF-8, a
        /// control character, a bad escape, a number out of range) or nesting too deep,
        /// which only ``detail`` explains.
        public var isStructural: Bool
    }

    /// Reads JSON text (``JSONParser``), locating a syntax error by line and column, so every
    /// reader of JSON files (answers, imported annotation files) reports it the same way.
    ///
    /// UTF-8 is expected; a UTF-8 byte order mark is skipped, and text in UTF-16 or UTF-32
    /// (with a byte order mark, or recognised by its zero bytes, as Foundation does) is read
    /// after converting it, with positions counted in the converted text.
    ///
    /// - Throws: ``SyntaxError`` when the bytes are not JSON.
    public static func parse(_ bytes: [UInt8], path: String) throws(SyntaxError) -> JSONValue {
        if let converted = JSONEncodingDetector.utf8(from: bytes) { return try parseUTF8(converted, path: path) }
        return try parseUTF8(bytes, path: path)
    }

    private static func parseUTF8(_ bytes: [UInt8], path: String) throws(SyntaxError) -> JSONValue {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParser.Failure) in try JSONParser.parse(UnsafeBufferPointer(rebasing: buffer[body...])) }
        }
        switch result {
        case .success(let value): return value
        case .failure(let failure):
            let position = SourceFile(path: path, bytes: bytes).position(ofByteOffset: body + failure.offset)
            throw SyntaxError(position: position, detail: failure.detail, isStructural: failure.structural)
        }
    }
}

/// Recognises JSON text that is not UTF-8 the way RFC 4627 and Foundation do: by a byte order
/// mark, else by where the zero bytes fall in the first four (JSON text starts with ASCII).
enum JSONEncodingDetector {
    /// The text converted to UTF-8, or nil when it is UTF-8 already (or cannot be converted,
    /// which the parser then reports where the bytes go wrong).
    static func utf8(from bytes: [UInt8]) -> [UInt8]? {
        guard let encoding = encoding(of: bytes) else { return nil }
        return String(data: Data(bytes), encoding: encoding).map { Array($0.utf8) }
    }

    private static func encoding(of bytes: [UInt8]) -> String.Encoding? {
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .utf32 }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return .utf16 }
        guard bytes.count >= 2 else { return nil }
        let zeros = bytes.prefix(4).map { $0 == 0 }
        switch (zeros.count, zeros) {
        case (4, [true, true, true, false]): return .utf32BigEndian
        case (4, [false, true, true, true]): return .utf32LittleEndian
        case (_, let z) where z[0] && !z[1]: return .utf16BigEndian
        case (_, let z) where !z[0] && z[1]: return .utf16LittleEndian
        default: return nil
        }
    }
}
