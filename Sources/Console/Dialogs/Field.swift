/// The fields a dialog can have, by identity, so kind-specific logic can find them.
public enum FieldID: String, Sendable, Hashable {
    case database, label, repository, objects, timeout
    case targetDatabase, aliases, timestamp, replication, reserveDynamicPartition, confirmation
    case name, type, location, readOnly
    case endpoint, region, accessKey, secretKey, sessionToken, pathStyle
    case every, unit, starts, backupType, ttl, labelPrefix
}

/// What a field holds and how it is edited.
public enum FieldValue: Sendable, Hashable {
    case text(LineEditor)
    case choice(options: [String], index: Int)
    case toggle(Bool)
    case list(ObjectPicker)
}

/// One labelled field of a form.
public struct Field: Sendable, Hashable {
    public var id: FieldID
    public var label: String
    public var value: FieldValue
    /// Shown greyed in an empty text field.
    public var placeholder: String
    /// Drawn as one `*` per character, so a credential never reaches the screen.
    public var isSecret: Bool
    /// Neither drawn nor focusable, but keeps its value: fields that only apply to another choice.
    public var isHidden = false

    public init(_ id: FieldID, _ label: String, _ value: FieldValue, placeholder: String = "", isSecret: Bool = false) {
        self.id = id
        self.label = label
        self.value = value
        self.placeholder = placeholder
        self.isSecret = isSecret
    }

    public var text: String {
        switch value {
        case .text(let editor): editor.text
        case .choice(let options, let index): options.indices.contains(index) ? options[index] : ""
        case .toggle(let on): on ? "true" : "false"
        case .list: ""
        }
    }
}
