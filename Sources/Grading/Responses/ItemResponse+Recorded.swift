internal import Foundation

extension ItemResponse {
    /// The compact JSON text a gradebook keeps for an answer: the documented answers-JSON
    /// shape of the item's kind, or `null` for an item left unanswered.
    public static func recordedJSON(_ response: ItemResponse?) -> String {
        guard let response else { return "null" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(response.json)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// Reads back what ``recordedJSON(_:)`` wrote, checked against `item` as an answers file is.
    ///
    /// - Throws: ``AnswerShapeError`` when the text is not JSON or no longer fits the item.
    public static func decode(recorded text: String, for item: Item) throws(AnswerShapeError) -> ItemResponse? {
        let json: JSONValue
        do {
            json = try JSONValue.parse(Array(text.utf8), path: "")
        } catch {
            throw AnswerShapeError("is not valid JSON (\(error.detail))")
        }
        if case .null = json { return nil }
        return try ItemResponse(json: json, for: item)
    }
}
