using System.Text.Json.Serialization;

namespace SecureLaunch.Core.Deploy;

/// <summary>The JSON sealed into hand-offs and agent state, source-generated so it works trimmed and AOT-compiled.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Handoff))]
[JsonSerializable(typeof(AgentState))]
internal sealed partial class DeployJsonContext : JsonSerializerContext;
