using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureLaunch.Vault.Json;

/// <summary>Every wire type the client reads or writes; the library is AOT-compatible, so no reflection JSON.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(SecretResponse))]
[JsonSerializable(typeof(KvV2Data))]
[JsonSerializable(typeof(MountInfo))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(TokenLookupData))]
[JsonSerializable(typeof(LeaseLookupData))]
[JsonSerializable(typeof(LeaseRenewRequest))]
[JsonSerializable(typeof(LeaseRevokeRequest))]
[JsonSerializable(typeof(LeaseLookupRequest))]
[JsonSerializable(typeof(LoginResponse))]
[JsonSerializable(typeof(AppRoleLoginRequest))]
[JsonSerializable(typeof(UserpassLoginRequest))]
[JsonSerializable(typeof(JwtLoginRequest))]
[JsonSerializable(typeof(TokenRenewRequest))]
[JsonSerializable(typeof(TokenAccessorRequest))]
[JsonSerializable(typeof(TokenCreateRequest))]
[JsonSerializable(typeof(TokenCreateResponse))]
[JsonSerializable(typeof(WrappingLookupRequest))]
[JsonSerializable(typeof(WrappingLookupData))]
[JsonSerializable(typeof(WrappedSecretIdData))]
[JsonSerializable(typeof(SealStatusResponse))]
[JsonSerializable(typeof(UnsealRequest))]
[JsonSerializable(typeof(InitRequest))]
[JsonSerializable(typeof(InitResponse))]
[JsonSerializable(typeof(CapabilitiesRequest))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class VaultJsonContext : JsonSerializerContext;
