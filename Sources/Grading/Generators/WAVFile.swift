internal import Foundation

/// 16-bit mono PCM in a RIFF/WAVE container: what the generated sound clips are written as,
/// and what every browser and player reads.
enum WAVFile {
    static func data(samples: [Int16], rate: Int) -> Data {
        var data = Data()
        func append(_ text: String) { data.append(contentsOf: Array(text.utf8)) }
        func append32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        func append16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        let bytes = UInt32(samples.count * 2)
        append("RIFF")
        append32(36 + bytes)
        append("WAVEfmt ")
        append32(16)
        append16(1)  // PCM
        append16(1)  // mono
        append32(UInt32(rate))
        append32(UInt32(rate * 2))
        append16(2)
        append16(16)
        append("data")
        append32(bytes)
        for sample in samples { append16(UInt16(bitPattern: sample)) }
        return data
    }
}
