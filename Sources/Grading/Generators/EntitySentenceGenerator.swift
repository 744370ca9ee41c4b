/// Sentences for entity spans (PERSON, ORG, LOC, DATE): a template is filled with names
/// drawn from lists, and each filler's offsets are counted, in Unicode scalars as the span
/// checker counts them, while the sentence is put together. Fillers are whole words, so
/// every gold span starts and ends at a token edge of the picker (a possessive `'s` after
/// a name is a token of its own); some templates hold a prize or a role that is not an
/// entity, the scheme's usual trap.
enum EntitySentenceGenerator {
    static let labels = ["PERSON", "ORG", "LOC", "DATE"]

    /// `{PERSON}`, `{ORG}`, `{LOC}`, `{DATE}` mark the fillers; a second filler of a type is
    /// another draw.
    static let templates = [
        "{PERSON} joined {ORG} in {LOC} on {DATE}.",
        "On {DATE}, {ORG} opened an office in {LOC}, led by {PERSON}.",
        "{ORG}'s new lab in {LOC} hired {PERSON} as its chief engineer.",
        "{PERSON} flew from {LOC} to {LOC} on {DATE} to meet {PERSON}.",
        "The report that {PERSON} wrote for {ORG} was published on {DATE}.",
        "{PERSON} won the Golden Quill Prize in {DATE} for a book about {LOC}.",
        "In {LOC}, {PERSON} and {PERSON} signed a contract with {ORG}.",
        "{ORG} moved its headquarters from {LOC} to {LOC} in {DATE}.",
        "Professor {PERSON} said {ORG}'s results would be ready by {DATE}.",
        "{PERSON} visited the old harbour of {LOC} with the mayor.",
    ]
    static let people = [
        "Amara Osei", "Lena Fischer", "Rahul Mehta", "Sofia Reyes", "Kenji Watanabe", "Chloe Martin", "Daniel Okafor",
        "Ines Duarte", "Marek Nowak", "Priya Nair", "Tom Becker", "Yara Haddad",
    ]
    static let organisations = [
        "Northwind Labs", "Bluefield Bank", "Orion Logistics", "Greenleaf Foods", "Meridian Press", "Atlas Robotics",
        "Harbor Energy", "Cedar Insurance", "UNICEF", "Vantage Health",
    ]
    static let places = [
        "Lisbon", "Nairobi", "Toronto", "Osaka", "Buenos Aires", "Cape Town", "Manila", "Lyon", "Melbourne", "New Delhi", "Quito",
    ]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    static func item(id: String, random: inout SeededGenerator) -> GeneratedItem {
        let (text, spans) = sentence(random: &random)
        let answer = spans.map { span -> JSONValue in
            .object(["label": .string(span.label), "start": .number(Double(span.start)), "end": .number(Double(span.end))])
        }
        let named = spans.map { "\($0.text) (\($0.label))" }
        return GeneratedItem(
            entry: [
                "id": .string(id), "kind": .string("spans"), "prompt": .string("Mark every PERSON, ORG, LOC and DATE."),
                "text": .string(text), "labels": .strings(labels), "answer": .array(answer),
                "reason": .string(
                    "The sentence was written around its entities: \(named.joined(separator: ", ")). Titles, roles and prizes are not entities in this scheme, and a possessive 's stays outside the name."
                ),
                "concepts": .strings(["entity-types"]),
            ],
            media: [])
    }

    /// A filled template and its entities, each filler at most once per sentence.
    static func sentence(random: inout SeededGenerator) -> (String, [(label: String, start: Int, end: Int, text: String)]) {
        let template = random.pick(templates)
        var text = "", spans: [(label: String, start: Int, end: Int, text: String)] = []
        var used = Set<String>()
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            text += rest[..<open]
            let label = String(rest[rest.index(after: open)..<close])
            var filler = draw(label, random: &random)
            while used.contains(filler) { filler = draw(label, random: &random) }
            used.insert(filler)
            let start = text.unicodeScalars.count
            text += filler
            spans.append((label, start, text.unicodeScalars.count, filler))
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        return (text, spans)
    }

    private static func draw(_ label: String, random: inout SeededGenerator) -> String {
        switch label {
        case "PERSON": return random.pick(people)
        case "ORG": return random.pick(organisations)
        case "LOC": return random.pick(places)
        default:
            let month = random.pick(months), year = random.int(2018...2026)
            return random.chance(0.3) ? "\(month) \(year)" : "\(random.int(1...28)) \(month) \(year)"
        }
    }
}
