using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Wrapping;

/// <summary><c>sys/wrapping/wrap</c>, <c>unwrap</c>, <c>lookup</c> and <c>rewrap</c>.</summary>
/// <remarks>
/// The token is checked before anything else (<see cref="ValidateToken"/>): a used, expired or unknown wrapping token is
/// 400 <c>wrapping token is not valid or does not exist</c>. Unwrap answers the original response as it was on the
/// wire (200), lookup 200 with creation_path/creation_time/creation_ttl, rewrap and wrap a new <c>wrap_info</c>.
/// Wrap without <c>X-Vault-Wrap-TTL</c> is 400.
/// </remarks>
internal sealed class WrappingEndpoints(DevVaultState state)
{
    public static bool IsTokenPath(string subPath) => subPath is "wrapping/lookup" or "wrapping/unwrap" or "wrapping/rewrap";

    /// <summary>Vault's HTTP layer validates the wrapping token (body <c>token</c>, else the client token) before authentication.</summary>
    public VaultError? ValidateToken(VaultRequest request) =>
        state.Wrapping.IsWrappingToken(WrappingToken(request), request.Now) ? null : VaultError.InvalidWrappingToken;

    public VaultResult Handle(VaultRequest request, string subPath)
    {
        if (request.Operation != VaultOperation.Update)
        {
            return VaultError.UnsupportedOperation;
        }

        return subPath switch
        {
            "wrapping/wrap" => Wrap(request),
            "wrapping/unwrap" => Unwrap(request),
            "wrapping/lookup" => Lookup(request),
            _ => state.Wrapping.Rewrap(WrappingToken(request)!, request.Now),
        };
    }

    private static VaultResult Wrap(VaultRequest request) => request.WrapTtl is null
        ? VaultError.BadRequest("endpoint requires response wrapping to be used")
        : new VaultResponse { Data = request.Data.DeepClone(), MountType = "system" };

    private VaultResult Unwrap(VaultRequest request)
    {
        var wrapped = state.Wrapping.Take(WrappingToken(request)!, request.Now);
        return wrapped is null ? VaultError.InvalidWrappingToken : new VaultRawJson(200, (JsonObject)wrapped.Envelope.DeepClone());
    }

    private VaultResult Lookup(VaultRequest request)
    {
        var wrapped = state.Wrapping.Find(WrappingToken(request), request.Now);
        if (wrapped is null)
        {
            return VaultError.InvalidWrappingToken;
        }

        var data = new JsonObject
        {
            ["creation_path"] = wrapped.CreationPath,
            ["creation_time"] = GoTime.Rfc3339(wrapped.CreatedAt),
            ["creation_ttl"] = (long)wrapped.Ttl.TotalSeconds,
        };
        return new VaultResponse { Data = data, MountType = "system" };
    }

    private static string? WrappingToken(VaultRequest request) =>
        request.Data.ContainsKey("token") ? Fields.String(request.Data, "token") : request.ClientToken;
}
