namespace SecureLaunch.DevVault.Auth.Jwt;

/// <summary>What a token must satisfy besides its signature (cap's <c>Expected</c>); zero leeways mean cap's defaults, negative none.</summary>
internal sealed record JwtExpectations
{
    public string Issuer { get; init; } = string.Empty;

    public string Subject { get; init; } = string.Empty;

    public IReadOnlyList<string> Audiences { get; init; } = [];

    public IReadOnlyList<string> Algorithms { get; init; } = [];

    public TimeSpan ClockSkewLeeway { get; init; }

    public TimeSpan ExpirationLeeway { get; init; }

    public TimeSpan NotBeforeLeeway { get; init; }

    /// <summary>Kubernetes service-account tokens may carry no time claims at all.</summary>
    public bool AllowMissingTimes { get; init; }
}
