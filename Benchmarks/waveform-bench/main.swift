import Foundation
import GroundworkWeb

// `waveform-bench FILE.wav [ROUNDS]`: times the server's waveform peaks of one clip (reading
// the file included, as a page request does), prints min and median milliseconds, and writes
// the peaks to FILE.peaks.json so the script can compare them with numpy's.
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: waveform-bench FILE.wav [ROUNDS]\n".utf8))
    exit(2)
}
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 7 : 7
var times: [Double] = []
var peaks: [Double] = []
for _ in 0..<rounds {
    let start = DispatchTime.now().uptimeNanoseconds
    guard let data = FileManager.default.contents(atPath: arguments[1]), let computed = WaveformPeaks.peaks(wav: data, buckets: 1000) else {
        FileHandle.standardError.write(Data("waveform-bench: '\(arguments[1])' is not a PCM WAV file\n".utf8))
        exit(2)
    }
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    peaks = computed
}
times.sort()
print(String(format: "peaks of %@: min %.1f ms, median %.1f ms over %d rounds", arguments[1], times[0], times[times.count / 2], rounds))
let json = try JSONEncoder().encode(peaks)
try json.write(to: URL(fileURLWithPath: arguments[1] + ".peaks.json"))
