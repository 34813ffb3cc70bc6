import Foundation

/// A dialog's form: fixed facts at the top, editable fields, then the Run and Cancel buttons.
///
/// `focus` indexes `fields`, then `fields.count` is Run and `fields.count + 1` is Cancel; it
/// skips hidden fields, which keep their index so their values survive being hidden.
/// `submitting` holds the request id while the SQL runs; `serverError` the engine's answer when
/// it failed, so the user can fix the form and run again.
public struct Form: Sendable, Hashable {
    public var title: String
    public var facts: [(String, String)] {
        get { factPairs.map { ($0.label, $0.value) } }
        set { factPairs = newValue.map { Fact(label: $0.0, value: $0.1) } }
    }
    public var fields: [Field]
    public var focus = 0
    public var runLabel: String
    public var submitting: Int?
    public var serverError: String?
    private var factPairs: [Fact] = []

    private struct Fact: Sendable, Hashable {
        var label: String
        var value: String
    }

    public init(title: String, facts: [(String, String)] = [], fields: [Field], runLabel: String) {
        self.title = title
        self.fields = fields
        self.runLabel = runLabel
        self.facts = facts
    }

    public var runIndex: Int { fields.count }
    public var cancelIndex: Int { fields.count + 1 }
    public var focusedField: Field? { fields.indices.contains(focus) ? fields[focus] : nil }
    public var visibleFields: [Field] { fields.filter { !$0.isHidden } }

    public subscript(id: FieldID) -> Field? {
        fields.first { $0.id == id }
    }

    public func text(_ id: FieldID) -> String {
        self[id]?.text.trimmingCharacters(in: .whitespaces) ?? ""
    }

    public func isOn(_ id: FieldID) -> Bool {
        if case .toggle(let on)? = self[id]?.value { return on }
        return false
    }

    public func picker(_ id: FieldID) -> ObjectPicker? {
        if case .list(let picker)? = self[id]?.value { return picker }
        return nil
    }

    public mutating func set(_ id: FieldID, _ value: FieldValue) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[index].value = value
    }

    public mutating func setText(_ id: FieldID, _ text: String) {
        set(id, .text(LineEditor(text)))
    }

    public mutating func setPlaceholder(_ id: FieldID, _ placeholder: String) {
        guard let index = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[index].placeholder = placeholder
    }

    public mutating func setHidden(_ hidden: Bool, _ ids: [FieldID]) {
        for index in fields.indices where ids.contains(fields[index].id) {
            fields[index].isHidden = hidden
        }
    }

    /// Tab and the arrows: the next visible field or button, wrapping around.
    public mutating func moveFocus(by step: Int) {
        let count = fields.count + 2
        // The buttons are never hidden, so this stops within one lap.
        repeat {
            focus = (focus + step + count) % count
        } while focusedField?.isHidden == true
    }
}
