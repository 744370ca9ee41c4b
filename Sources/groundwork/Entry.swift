@main
enum Entry {
    static func main() { Groundwork.main() }
}
