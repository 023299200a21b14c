using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Wrapping;

/// <summary>What a wrapping token's cubbyhole holds: the original response as it would have gone on the wire.</summary>
internal sealed record WrappedResponse(JsonObject Envelope, string CreationPath, DateTimeOffset CreatedAt, TimeSpan Ttl, string? WrappedAccessor);
