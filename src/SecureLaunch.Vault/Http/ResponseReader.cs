using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Http;

/// <summary>Reads a response body into a wire type, or fails with <see cref="VaultErrorKind.InvalidResponse"/>.</summary>
internal static class ResponseReader
{
    public static T Read<T>(VaultRequest request, VaultResponse response, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, typeInfo)
                ?? throw VaultErrors.InvalidResponse(request, response, "the body is empty or null");
        }
        catch (JsonException)
        {
            // The parser's message can quote the body, which may hold secret values: keep only the type.
            throw VaultErrors.InvalidResponse(request, response, $"the body is not a {typeof(T).Name}");
        }
    }

    public static T ReadData<T>(VaultRequest request, VaultResponse response, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var envelope = Read(request, response, VaultJsonContext.Default.SecretResponse);
        return ReadElement(request, response, envelope.Data, typeInfo, "data");
    }

    public static T ReadElement<T>(VaultRequest request, VaultResponse response, JsonElement? element, JsonTypeInfo<T> typeInfo, string name)
        where T : class
    {
        if (element is not { ValueKind: JsonValueKind.Object } value)
        {
            throw VaultErrors.InvalidResponse(request, response, $"'{name}' is missing or not an object");
        }

        try
        {
            return value.Deserialize(typeInfo) ?? throw VaultErrors.InvalidResponse(request, response, $"'{name}' is null");
        }
        catch (JsonException)
        {
            throw VaultErrors.InvalidResponse(request, response, $"'{name}' is not a {typeof(T).Name}");
        }
    }

    /// <summary>A secret's fields: an object's members, or none when Vault sent <c>data: null</c> or no body.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Fields(VaultRequest request, VaultResponse response, JsonElement? data) =>
        data is null or { ValueKind: JsonValueKind.Null }
            ? new Dictionary<string, JsonElement>()
            : ReadElement(request, response, data, VaultJsonContext.Default.DictionaryStringJsonElement, "data");
}
