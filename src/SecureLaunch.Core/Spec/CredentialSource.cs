namespace SecureLaunch.Core.Spec;

/// <summary>
/// Where a credential comes from: the spec itself (usually through <c>${VAR}</c>), a file, or an
/// environment variable. Exactly one is set. <see cref="ToString"/> names the source, never the value.
/// </summary>
public sealed record CredentialSource
{
    /// <summary>The value as written in the spec.</summary>
    public string? Value { get; init; }

    /// <summary>A file holding the value (trailing newlines are dropped).</summary>
    public string? File { get; init; }

    /// <summary>An environment variable holding the value.</summary>
    public string? EnvironmentVariable { get; init; }

    /// <summary>The spec key the credential was given under, for messages (<c>vault.auth.secretIdFile</c>).</summary>
    public required string Key { get; init; }

    public required SourceLocation Location { get; init; }

    /// <summary>"file /run/ci/secret-id", "environment variable ROLE_ID" or "the spec".</summary>
    public string Describe() =>
        File is not null ? $"file {File}" : EnvironmentVariable is not null ? $"environment variable {EnvironmentVariable}" : "the spec";

    public override string ToString() => $"CredentialSource {{ {Key} from {Describe()} }}";
}
