namespace SecureLaunch.Core.Spec;

/// <summary>
/// The spec's <c>vault.unseal:</c> section: used only when Vault says it is sealed. Keys come inline
/// (through <c>${VAR}</c>) or from a file: the JSON that <c>vault operator init -format=json</c> or
/// <c>securelaunch vault init</c> writes, or one key per line.
/// </summary>
public sealed record UnsealSettings
{
    public IReadOnlyList<CredentialSource> Keys { get; init; } = [];

    public string? KeysFile { get; init; }

    public required SourceLocation Location { get; init; }

    public override string ToString() => $"UnsealSettings {{ Keys = {Keys.Count}, KeysFile = {KeysFile ?? "-"} }}";
}
