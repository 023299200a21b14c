namespace SecureLaunch.Vault.Json;

/// <summary>Body of <c>sys/wrapping/lookup</c>: the wrapping token to look up.</summary>
internal sealed record WrappingLookupRequest(string Token)
{
    public override string ToString() => nameof(WrappingLookupRequest);
}

/// <summary>The <c>data</c> of <c>sys/wrapping/lookup</c>.</summary>
internal sealed record WrappingLookupData
{
    public string? CreationPath { get; init; }

    public DateTimeOffset? CreationTime { get; init; }

    public long CreationTtl { get; init; }
}

/// <summary>
/// The <c>data</c> of an unwrapped <c>auth/approle/role/:name/secret-id</c> answer. Only <c>secret_id</c> is read;
/// this type is never logged.
/// </summary>
internal sealed record WrappedSecretIdData
{
    public string? SecretId { get; init; }

    public string? SecretIdAccessor { get; init; }

    public override string ToString() => $"WrappedSecretIdData {{ SecretIdAccessor = {SecretIdAccessor} }}";
}
