using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.Policies;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Wrapping;

/// <summary>
/// Response wrapping: the original response goes into the cubbyhole of a new single-use, orphan token with only the
/// <c>response-wrapping</c> policy, and the caller gets <c>wrap_info</c> instead. Callers hold the state lock.
/// </summary>
internal sealed class WrappingStore(TokenStore tokens) : IPersistent
{
    private readonly Dictionary<string, WrappedResponse> _cubbyholes = new(StringComparer.Ordinal);

    /// <summary>Wraps a response; what the client sees is the wrap response, with an empty request_id as Vault sends it.</summary>
    public VaultResponse Wrap(VaultResponse original, string creationPath, TimeSpan ttl, DateTimeOffset now)
    {
        var envelope = EnvelopeJson.Build(original, injectData: false);
        var wrappedAccessor = original.Auth?["accessor"]?.GetValue<string>();
        return Store(new WrappedResponse(envelope, creationPath, now, ttl, wrappedAccessor), now);
    }

    /// <summary>The cubbyhole of a live wrapping token, or null.</summary>
    public WrappedResponse? Find(string? token, DateTimeOffset now) =>
        IsWrappingToken(token, now) && _cubbyholes.TryGetValue(token!, out var wrapped) ? wrapped : null;

    /// <summary>True for a live token whose only policy is <c>response-wrapping</c> (Vault's <c>ValidateWrappingToken</c>).</summary>
    public bool IsWrappingToken(string? token, DateTimeOffset now) =>
        tokens.FindLive(token, now) is { Policies: [BuiltinPolicies.ResponseWrappingName] };

    /// <summary>Empties the cubbyhole and revokes the token: a wrapping token is good for one unwrap.</summary>
    public WrappedResponse? Take(string token, DateTimeOffset now)
    {
        var wrapped = _cubbyholes.GetValueOrDefault(token);
        _cubbyholes.Remove(token);
        if (tokens.FindLive(token, now) is { } entry)
        {
            tokens.RevokeTree(entry, now);
        }

        return wrapped;
    }

    /// <summary>Moves a cubbyhole to a fresh token with the same creation TTL and path; the old token is revoked.</summary>
    public VaultResponse Rewrap(string token, DateTimeOffset now)
    {
        var wrapped = Take(token, now)!;
        return Store(wrapped with { CreatedAt = now }, now);
    }

    public string SnapshotKey => "wrapping";

    public JsonNode Export()
    {
        var result = new JsonArray();
        foreach (var (token, wrapped) in _cubbyholes)
        {
            result.Add((JsonNode)new JsonObject
            {
                ["token"] = token,
                ["envelope"] = wrapped.Envelope.DeepClone(),
                ["creation_path"] = wrapped.CreationPath,
                ["creation_time"] = wrapped.CreatedAt.ToUnixTimeMilliseconds(),
                ["ttl"] = (long)wrapped.Ttl.TotalSeconds,
                ["wrapped_accessor"] = wrapped.WrappedAccessor,
            });
        }

        return result;
    }

    public void Import(JsonNode? data)
    {
        _cubbyholes.Clear();
        foreach (var item in (data as JsonArray ?? []).OfType<JsonObject>())
        {
            _cubbyholes[item["token"]!.GetValue<string>()] = new WrappedResponse(
                (JsonObject)item["envelope"]!.DeepClone(),
                item["creation_path"]!.GetValue<string>(),
                DateTimeOffset.FromUnixTimeMilliseconds(item["creation_time"]!.GetValue<long>()),
                TimeSpan.FromSeconds(item["ttl"]!.GetValue<long>()),
                item["wrapped_accessor"]?.GetValue<string>());
        }
    }

    private VaultResponse Store(WrappedResponse wrapped, DateTimeOffset now)
    {
        var token = new TokenEntry
        {
            Id = RandomIds.ServiceToken(),
            Accessor = RandomIds.Base62String(24),
            Policies = [BuiltinPolicies.ResponseWrappingName],
            DisplayName = string.Empty,
            Path = wrapped.CreationPath,
            CreatedAt = now,
            CreationTtl = wrapped.Ttl,
            ExplicitMaxTtl = wrapped.Ttl,
            ExpiresAt = now + wrapped.Ttl,
            NumUses = 1,
        };
        tokens.Add(token);
        _cubbyholes[token.Id] = wrapped;
        var info = new JsonObject
        {
            ["token"] = token.Id,
            ["accessor"] = token.Accessor,
            ["ttl"] = (long)wrapped.Ttl.TotalSeconds,
            ["creation_time"] = GoTime.Rfc3339(now),
            ["creation_path"] = wrapped.CreationPath,
        };
        if (wrapped.WrappedAccessor is { Length: > 0 } accessor)
        {
            info["wrapped_accessor"] = accessor;
        }

        return new VaultResponse { WrapInfo = info, RequestId = string.Empty };
    }
}
