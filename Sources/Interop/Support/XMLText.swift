/// Text written into XML files the exports produce.
enum XMLText {
    /// `text` with the characters XML gives meaning to (`&`, `<`, `>`, `"`) escaped, so it
    /// can stand in an element or a double-quoted attribute.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
