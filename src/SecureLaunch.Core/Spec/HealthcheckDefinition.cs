namespace SecureLaunch.Core.Spec;

/// <summary>
/// A container's <c>healthcheck:</c> as Compose writes it. <see cref="Test"/> is <c>["NONE"]</c> (disabled),
/// <c>["CMD", args...]</c> or <c>["CMD-SHELL", command]</c>; what is left null keeps the image's or Docker's default.
/// </summary>
public sealed record HealthcheckDefinition
{
    public required IReadOnlyList<string> Test { get; init; }
    public TimeSpan? Interval { get; init; }
    public TimeSpan? Timeout { get; init; }
    public TimeSpan? StartPeriod { get; init; }
    public int? Retries { get; init; }
    public required SourceLocation Location { get; init; }

    /// <summary>Whether this turns the image's healthcheck off (<c>disable: true</c> or <c>test: ["NONE"]</c>).</summary>
    public bool Disabled => Test.Count > 0 && Test[0] == "NONE";
}
