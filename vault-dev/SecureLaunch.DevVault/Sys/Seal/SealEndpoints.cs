using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Sys.Seal;

/// <summary><c>sys/init</c>, <c>sys/unseal</c> (both unauthenticated, served while sealed) and <c>sys/seal</c>.</summary>
/// <remarks>
/// Init: GET 200 <c>{"initialized":...}</c>; PUT/POST 200 with keys, keys_base64 and root_token; 400 when already
/// initialised or the shares are invalid. Unseal: 200 with the seal status; 400 for a missing or malformed key, or
/// <c>Unseal failed, invalid key</c> when the shares do not open the keyring. Seal: 204; 403 without root or sudo.
/// </remarks>
internal static class SealEndpoints
{
    public static VaultResult Init(HttpRequest request, JsonObject? body, DevVaultState state)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return new VaultRawJson(200, new JsonObject { ["initialized"] = state.Status != DevVaultStatus.Uninitialized });
        }

        if (!HttpMethods.IsPut(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            return new VaultError(405, []);
        }

        body ??= [];
        if (!Fields.TryInt(body, "secret_shares", out var shares, out var error) || !Fields.TryInt(body, "secret_threshold", out var threshold, out error))
        {
            return error!;
        }

        if (Fields.StringList(body, "pgp_keys") is { Count: > 0 } || !string.IsNullOrEmpty(Fields.String(body, "root_token_pgp_key")))
        {
            return VaultError.BadRequest("PGP-encrypted keys are not supported by the SecureLaunch dev server");
        }

        var (result, initError) = state.Seal.Initialize((int)shares, (int)threshold);
        return result is null ? initError! : new VaultRawJson(200, result);
    }

    public static VaultResult Unseal(HttpRequest request, JsonObject? body, DevVaultState state)
    {
        if (!HttpMethods.IsPut(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            return new VaultError(405, []);
        }

        body ??= [];
        if (!Fields.TryBool(body, "reset", false, out var reset, out var error))
        {
            return error!;
        }

        if (reset)
        {
            if (state.Status != DevVaultStatus.Sealed)
            {
                return VaultError.BadRequest("vault is unsealed");
            }

            state.Seal.ResetProgress();
            return SealStatusEndpoint.Handle(state);
        }

        var key = Fields.String(body, "key");
        if (string.IsNullOrEmpty(key))
        {
            return VaultError.BadRequest("'key' must be specified in request body as JSON, or 'reset' set to true");
        }

        var bytes = Decode(key);
        if (bytes is null)
        {
            return VaultError.BadRequest("'key' must be a valid hex or base64 string");
        }

        return state.Seal.Unseal(bytes) ?? SealStatusEndpoint.Handle(state);
    }

    /// <summary>Needs a live token with root, or <c>sudo</c> and <c>update</c> on <c>sys/seal</c>; sealing a sealed server is a no-op.</summary>
    public static VaultResult Seal(HttpRequest request, DevVaultState state)
    {
        if (!HttpMethods.IsPut(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            return new VaultError(405, []);
        }

        if (state.Status is DevVaultStatus.Sealed or DevVaultStatus.Uninitialized)
        {
            return VaultNoContent.Instance;
        }

        var caller = state.Tokens.FindLive(RequestReader.Token(request), state.Now);
        var allowed = caller is not null && (caller.IsRoot
            || state.Policies.AclFor(caller.Policies).Check(Policies.AclOperation.Update, "sys/seal", [], null) is { Allowed: true, Sudo: true });
        if (!allowed)
        {
            return VaultError.PermissionDenied;
        }

        state.Seal.Seal();
        return VaultNoContent.Instance;
    }

    /// <summary>Hex first (when its length fits a key), else standard base64, as Vault's handler decodes it.</summary>
    private static byte[]? Decode(string key)
    {
        if (key.Length % 2 == 0 && key.Length / 2 is >= 16 and <= 33 && key.All(char.IsAsciiHexDigit))
        {
            return Convert.FromHexString(key);
        }

        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) ? buffer[..written] : null;
    }
}
