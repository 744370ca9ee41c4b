public import Foundation

/// The loudness outline of a WAV file, computed by the server so the page draws a waveform
/// without decoding audio: the largest absolute sample in each of `buckets` equal slices,
/// scaled so the loudest slice is 1.
public enum WaveformPeaks {
    /// Peaks as a JSON array with three decimals, or nil for a file that is not PCM WAV.
    public static func json(path: String, buckets: Int = 1000) -> String? {
        guard let data = FileManager.default.contents(atPath: path), let peaks = peaks(wav: data, buckets: buckets) else { return nil }
        return "[" + peaks.map { String(format: "%.3f", $0) }.joined(separator: ",") + "]"
    }

    /// Peaks of a RIFF WAV in memory: 8-, 16-, 24- or 32-bit integer PCM, or 32-bit float.
    public static func peaks(wav data: Data, buckets: Int) -> [Double]? {
        let bytes = [UInt8](data)
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8), buckets > 0 else {
            return nil
        }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        var offset = 12
        var format: (code: Int, channels: Int, bits: Int)?
        while offset + 8 <= bytes.count {
            let size = u32(offset + 4)
            let body = offset + 8
            if bytes[offset..<offset + 4].elementsEqual("fmt ".utf8), body + 16 <= bytes.count {
                format = (u16(body), u16(body + 2), u16(body + 14))
            } else if bytes[offset..<offset + 4].elementsEqual("data".utf8), let format {
                let end = min(bytes.count, body + size)
                return peaks(bytes, from: body, to: end, format: format, buckets: buckets)
            }
            offset = body + size + (size & 1)
        }
        return nil
    }

    private static func peaks(_ bytes: [UInt8], from start: Int, to end: Int, format: (code: Int, channels: Int, bits: Int), buckets: Int)
        -> [Double]?
    {
        let width = format.bits / 8
        guard [1, 2, 3, 4].contains(width), format.channels > 0,
            format.code == 1 || (format.code == 3 && width == 4) || format.code == 0xFFFE
        else { return nil }
        let frame = width * format.channels
        let frames = (end - start) / frame
        guard frames > 0 else { return Array(repeating: 0, count: buckets) }
        var result = [Double](repeating: 0, count: buckets)
        for index in 0..<frames {
            let at = start + index * frame
            let sample: Double
            switch (width, format.code) {
            case (1, _): sample = Double(Int(bytes[at]) - 128) / 128
            case (2, _): sample = Double(Int16(bitPattern: UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8)) / 32768
            case (3, _):
                let raw = Int32(bitPattern: UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 24)
                sample = Double(raw) / 2_147_483_648
            case (4, 3):
                sample = Double(
                    Float(
                        bitPattern: UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3])
                            << 24))
            default:
                sample =
                    Double(
                        Int32(
                            bitPattern: UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3])
                                << 24)) / 2_147_483_648
            }
            let bucket = min(buckets - 1, index * buckets / frames)
            result[bucket] = max(result[bucket], abs(sample))
        }
        let loudest = result.max() ?? 0
        return loudest > 0 ? result.map { $0 / loudest } : result
    }
}
