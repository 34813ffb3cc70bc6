/// One row of the key map: keys, the command they run in a context, the help text, and the
/// footer hint (label and priority; lower numbers survive narrower screens).
public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var command: Command
    public var context: InputContext
    public var help: String
    public var hint: String?
    public var priority: Int

    public init(_ keys: [Key], _ command: Command, _ context: InputContext, _ help: String, hint: String? = nil, priority: Int = 50) {
        self.keys = keys
        self.command = command
        self.context = context
        self.help = help
        self.hint = hint
        self.priority = priority
    }

    /// The keys as help shows them, e.g. `k ↑`.
    public func keyNames(ascii: Bool = false) -> String {
        keys.map { ascii ? $0.asciiName : $0.name }.joined(separator: " ")
    }
}
