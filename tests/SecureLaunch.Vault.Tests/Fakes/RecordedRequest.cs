namespace SecureLaunch.Vault.Tests.Fakes;

/// <summary>A request as <see cref="CannedHandler"/> saw it.</summary>
internal sealed record RecordedRequest(
    string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string? Body, DateTimeOffset At)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
