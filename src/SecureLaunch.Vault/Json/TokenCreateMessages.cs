namespace SecureLaunch.Vault.Json;

/// <summary>Body of <c>auth/token/create/:role_name</c>; null fields are left out so the role's defaults apply.</summary>
internal sealed record TokenCreateRequest
{
    public IReadOnlyList<string>? Policies { get; init; }

    public string? Ttl { get; init; }

    public string? DisplayName { get; init; }

    public IReadOnlyDictionary<string, string>? Meta { get; init; }
}

/// <summary>The answer of a token creation: <c>auth</c>, or <c>wrap_info</c> when wrapped. Never logged.</summary>
internal sealed record TokenCreateResponse
{
    public AuthBlock? Auth { get; init; }

    public WrapInfoBlock? WrapInfo { get; init; }

    public IReadOnlyList<string>? Warnings { get; init; }

    public override string ToString() => nameof(TokenCreateResponse);
}

/// <summary>The <c>wrap_info</c> block of a wrapped answer; <see cref="Token"/> is a wrapping token, never logged.</summary>
internal sealed record WrapInfoBlock
{
    public string? Token { get; init; }

    public string? Accessor { get; init; }

    public long Ttl { get; init; }

    public DateTimeOffset? CreationTime { get; init; }

    public string? CreationPath { get; init; }

    public string? WrappedAccessor { get; init; }

    public override string ToString() => $"WrapInfoBlock {{ Accessor = {Accessor}, CreationPath = {CreationPath} }}";
}
