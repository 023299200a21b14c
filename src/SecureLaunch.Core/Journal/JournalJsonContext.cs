using System.Text.Json.Serialization;

namespace SecureLaunch.Core.Journal;

/// <summary>The journal's JSON (camelCase, enums as strings), source-generated so it works trimmed and AOT-compiled.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(LaunchJournal))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;
