/// The other tools' formats Groundwork reads and writes, named as on the command line.
public enum InteropFormat: String, Sendable, Hashable, CaseIterable {
    /// COCO object-detection JSON: boxes, polygons and keypoints per image.
    case coco
    /// CoNLL-2003 columns (token, POS, chunk, entity tag in IOB1), one sentence per item.
    case conll
    /// One token and its IOB2 entity tag per line, one sentence per item.
    case iob2
    /// Label Studio's JSON export of tasks and their annotations.
    case labelstudio
    /// Moodle's GIFT text format for quiz questions.
    case gift
    /// A Mechanical Turk qualification test: a QuestionForm and its AnswerKey (XML).
    case mturk
    /// 1EdTech QTI 3.0: an item, an assessment test, or a content package (choice and text
    /// entry interactions).
    case qti
}
