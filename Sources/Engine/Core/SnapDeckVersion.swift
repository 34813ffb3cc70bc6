/// The version of SnapDeck itself, as clients see it in `@@version_comment` (`SnapDeck <version>
/// (Doris-compatible)`). The one place to change when releasing.
public enum SnapDeckVersion {
    public static let current = "0.1.0"
}
