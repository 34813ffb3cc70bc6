/// The mysql client's `-p`: bare, it asks for the password; `-pSECRET` and `--password=SECRET`
/// carry it. ArgumentParser has no option with an optional value, so before parsing a bare
/// `-p` or `--password` is rewritten to ``promptFlag``.
public enum PasswordArguments {
    /// What a bare `-p` / `--password` becomes: a flag meaning "ask on the terminal".
    public static let promptFlag = "--password-prompt"

    /// Options whose next argument is their value, which is never rewritten (`-e -p` runs the
    /// SQL text `-p`).
    static let optionsWithValue: Set<String> = [
        "-e", "--execute", "-h", "--host", "-P", "--port", "-u", "--user", "-D", "--database", "--format", "--data",
    ]

    /// `arguments` (without the program name) with every bare `-p` or `--password` replaced by
    /// ``promptFlag``; nothing after `--` or after an option that takes a value is touched.
    public static func rewrite(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var takesValue = false
        var afterTerminator = false
        for argument in arguments {
            if afterTerminator || takesValue {
                result.append(argument)
                takesValue = false
                continue
            }
            if argument == "--" { afterTerminator = true }
            takesValue = optionsWithValue.contains(argument)
            result.append(rewritten(argument))
        }
        return result
    }

    private static func rewritten(_ argument: String) -> String {
        argument == "-p" || argument == "--password" ? promptFlag : argument
    }
}
