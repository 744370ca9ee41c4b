/// The program's entry: argument-parser's own `main()` would run `serve` synchronously
/// (printing its help), so the root command's `start()` dispatches instead.
@main
enum Entry {
    static func main() async { await Groundwork.start() }
}
