/// ANSI text styles for the terminal, applied only when colour is wanted.
///
/// Colour is the caller's decision (a TTY and no `NO_COLOR`); with it off every style is
/// the empty string, so the same rendering code serves pipes, files and tests.
public struct TerminalStyle: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    public enum Effect: String, Sendable {
        case bold = "1", dim = "2", italic = "3", underline = "4"
        case red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
    }

    /// `text` wrapped in the escape codes for `effects`, or unchanged without colour.
    public func apply(_ effects: [Effect], to text: String) -> String {
        guard enabled, !effects.isEmpty, !text.isEmpty else { return text }
        return "\u{1B}[" + effects.map(\.rawValue).joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }

    /// Removes control characters (escape sequences, C1 controls and bidirectional overrides
    /// included) from text taken from content, so a lesson, a title or a learner's name cannot
    /// move the cursor, change the terminal's colours or reorder what is shown. Every text from
    /// a file passes through it on its way to a terminal.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                result.append(" ")
            } else if !isControl(scalar) || scalar == "\n" {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: return true
        // Bidirectional embeddings, overrides and isolates ("Trojan Source").
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Columns a string takes on screen, ignoring escape codes (wide characters count 2).
    public static func visibleWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" { inEscape = true; continue }
            width += columns(of: scalar)
        }
        return width
    }

    /// 0 for combining marks and zero-width characters, 2 for East Asian wide ones, else 1.
    static func columns(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
