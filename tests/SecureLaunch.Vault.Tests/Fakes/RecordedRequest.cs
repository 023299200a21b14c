namespace SecureLaunch.Vault.Tests.Fakes;

/// <summary>A request as <see cref="CannedHandler"/> saw it.</summary>
internal sealed record RecordedRequest(
    string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string? Body, DateTimeOffset At)
{
    /// <summary>Scheme, host and port the request went to.</summary>
    public string Authority { get; init; } = string.Empty;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The JSON body's root; fails the test when there is none.</summary>
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body ?? throw new InvalidOperationException("no body")).RootElement;
}
