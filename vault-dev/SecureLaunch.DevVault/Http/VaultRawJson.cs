using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Http;

/// <summary>A body outside the envelope, as <c>sys/health</c> and <c>sys/seal-status</c> send; no body for HEAD.</summary>
internal sealed record VaultRawJson(int StatusCode, JsonObject? Body) : VaultResult;
