namespace SecureLaunch.Vault.Json;

/// <summary>The envelope of a login or <c>renew-self</c> answer: the token is in <c>auth</c>, not <c>data</c>.</summary>
internal sealed record LoginResponse
{
    public AuthBlock? Auth { get; init; }

    public IReadOnlyList<string>? Warnings { get; init; }
}
