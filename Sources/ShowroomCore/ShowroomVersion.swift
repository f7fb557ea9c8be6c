/// The release of Showroom this binary is, as `showroom --version` prints it; bump it with each release.
public enum ShowroomVersion {
    /// `major.minor.patch`.
    public static let current = "0.2.0"
}
