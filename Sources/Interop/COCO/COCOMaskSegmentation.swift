internal import Grading
internal import GroundworkMetrics

/// A run-length mask as COCO writes one in `segmentation`: `{"size": [height, width],
/// "counts": …}`, the counts a list of run lengths (uncompressed, as crowd regions are in
/// annotation files) or a string (compressed, as masks are in results files).
struct COCOMaskSegmentation {
    enum Counts {
        case runs([UInt32])
        case compressed(String)
    }

    var height: Int
    var width: Int
    var counts: Counts
    var cursor: JSONCursor

    init(_ cursor: JSONCursor) throws(InteropError) {
        let size = try cursor.required("size")
        let sides = try size.numbers()
        guard sides.count == 2, sides.allSatisfy({ $0 > 0 && $0 == $0.rounded() }) else {
            throw size.error("must be [height, width] in whole pixels, got \(sides.map(NumberText.exact))")
        }
        (height, width) = (Int(sides[0]), Int(sides[1]))
        let counts = try cursor.required("counts")
        if case .string(let text) = counts.value {
            self.counts = .compressed(text)
        } else {
            var runs: [UInt32] = []
            for run in try counts.array() {
                let value = try run.integer()
                guard value >= 0, value <= RunLengthMask.maximumPixels else {
                    throw run.error("is \(value); a run length is a pixel count from 0 to \(RunLengthMask.maximumPixels)")
                }
                runs.append(UInt32(value))
            }
            self.counts = .runs(runs)
        }
        self.cursor = cursor
    }

    /// The mask, checked: its counts must cover its size.
    func mask() throws(InteropError) -> RunLengthMask {
        do {
            switch counts {
            case .runs(let runs): return try RunLengthMask(height: height, width: width, counts: runs)
            case .compressed(let text): return try RunLengthMask(compressed: text, height: height, width: width)
            }
        } catch {
            throw cursor.error(error.message)
        }
    }
}
