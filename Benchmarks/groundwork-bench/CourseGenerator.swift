import Foundation

/// Writes a synthetic course that uses what real lessons use: front matter, headings,
/// lists, emphasis, links between lessons, code, callouts and quizzes.
enum CourseGenerator {
    /// Writes `count` generated lessons and, after them, every Markdown file of `realFolder`
    /// (READMEs, say) as a lesson of its own with a title added; returns the lesson paths.
    static func write(lessons count: Int, realMarkdown realFolder: URL?, to folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var summary = "# Generated course\n"
        var paths: [String] = []
        for index in 0..<count {
            if index % 50 == 0 { summary += "\n## Module \(index / 50 + 1)\n\n" }
            let name = "lesson-\(index).md"
            summary += "- [Lesson \(index)](\(name))\n"
            let url = folder.appendingPathComponent(name)
            try lesson(index, count: count).write(to: url, atomically: false, encoding: .utf8)
            paths.append(url.path)
        }
        if let realFolder {
            let names = try FileManager.default.contentsOfDirectory(atPath: realFolder.path).filter { $0.hasSuffix(".md") }.sorted()
            summary += "\n## Real Markdown\n\n"
            for (index, source) in names.enumerated() {
                let name = "real-\(index).md"
                let text = try String(contentsOf: realFolder.appendingPathComponent(source), encoding: .utf8)
                summary += "- [Real \(index)](\(name))\n"
                let url = folder.appendingPathComponent(name)
                try "---\ntitle: Real \(index)\n---\n\n\(text)".write(to: url, atomically: false, encoding: .utf8)
                paths.append(url.path)
            }
        }
        try summary.write(to: folder.appendingPathComponent("SUMMARY.md"), atomically: false, encoding: .utf8)
        return paths
    }

    private static func lesson(_ index: Int, count: Int) -> String {
        let previous = index > 0 ? "[lesson-\(index - 1)]" : "[]"
        var text = """
            ---
            title: Lesson \(index)
            summary: A generated lesson for the benchmark.
            objectives:
              - Read quickly
              - Answer the quiz
            prerequisites: \(previous)
            tags: [generated, benchmark]
            ---

            # Lesson \(index)

            """
        for section in 0..<6 {
            text += """

                ## Section \(section)

                Annotators label **images**, *text* and `audio` so that models learn. A box must be tight:
                touch the outermost pixels, and include the parts you can see. See
                [the next lesson](lesson-\((index + 1) % count).md#section-\(section)) for more, or
                [the guide](https://example.com/guide "Guide") when in doubt.

                - First point with *emphasis*
                - Second point with a [link](lesson-\(index).md#section-0)
                  1. nested one
                  2. nested two
                - Third point

                > A quoted guideline sentence, with &amp; entities and "quotes".

                ```json
                {"label": "cat", "box": [10, 20, 30, 40]}
                ```

                """
        }
        text += """

            ```tip Check your work
            Zoom in before the last corner.
            ```

            ```quiz
            Which box is right?

            - [x] The tight one
              > It touches the outermost pixels.
            - [ ] The loose one
              > It includes background.
            ```

            """
        return text
    }
}
