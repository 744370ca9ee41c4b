import ArgumentParser

/// Runs the chosen command, awaiting it when it is asynchronous (`serve`). Written out
/// because `@main` on the root command picks argument-parser's synchronous `main()`, which
/// would print `serve`'s help instead of running it.
@main
enum Entry {
    static func main() async {
        do {
            var command = try Groundwork.parseAsRoot()
            if var server = command as? any AsyncParsableCommand {
                try await server.run()
            } else {
                try command.run()
            }
        } catch {
            Groundwork.exit(withError: error)
        }
    }
}
