namespace SecureLaunch.Vault.Json;

/// <summary>The body Vault sends with any status of 400 and up: <c>{"errors":[...]}</c>.</summary>
internal sealed record ErrorResponse
{
    public IReadOnlyList<string?>? Errors { get; init; }
}
