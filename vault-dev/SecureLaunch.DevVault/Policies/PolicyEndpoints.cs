using System.Text;
using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Policies;

/// <summary><c>sys/policy</c> (legacy: <c>rules</c>, data also at the top level) and <c>sys/policies/acl</c> (<c>policy</c>).</summary>
/// <remarks>
/// List: 200 with <c>keys</c> (and <c>policies</c> on sys/policy), <c>root</c> last. Read: 200, or 404 with empty errors.
/// Write: 204 (200 with a warning when sys/policy gets the deprecated <c>rules</c>); 400 for an empty or unparsable
/// policy, or for <c>root</c>. Delete: 204, also when missing; 400 for <c>root</c> and <c>default</c>.
/// </remarks>
internal sealed class PolicyEndpoints(DevVaultState state)
{
    public VaultResult Legacy(VaultRequest request, string name) => Handle(request, name, legacy: true);

    public VaultResult Acl(VaultRequest request, string name) => Handle(request, name, legacy: false);

    private VaultResult Handle(VaultRequest request, string name, bool legacy)
    {
        if (name.Length == 0)
        {
            return request.Operation switch
            {
                VaultOperation.List => List(legacy),
                VaultOperation.Read when legacy => List(legacy),
                VaultOperation.Update => VaultError.BadRequest("policy name must be provided in the URL"),
                _ => VaultError.UnsupportedOperation,
            };
        }

        return request.Operation switch
        {
            VaultOperation.Read => Read(name, legacy),
            VaultOperation.Update => Write(request, name, legacy),
            VaultOperation.Delete => Delete(name),
            _ => VaultError.UnsupportedOperation,
        };
    }

    private VaultResponse List(bool legacy)
    {
        var keys = JsonOut.Strings(state.Policies.List());
        var data = new JsonObject { ["keys"] = keys };
        if (legacy)
        {
            data["policies"] = keys.DeepClone();
        }

        return new VaultResponse { Data = data, MountType = "system", InjectDataAtTopLevel = legacy };
    }

    private VaultResult Read(string name, bool legacy)
    {
        var policy = state.Policies.Get(name);
        if (policy is null)
        {
            return VaultError.NotFound;
        }

        var data = new JsonObject { ["name"] = policy.Name, [legacy ? "rules" : "policy"] = policy.Raw };
        return new VaultResponse { Data = data, MountType = "system", InjectDataAtTopLevel = legacy };
    }

    private VaultResult Write(VaultRequest request, string name, bool legacy)
    {
        List<string>? warnings = null;
        var raw = Fields.String(request.Data, "policy") ?? string.Empty;
        if (raw.Length == 0 && legacy && Fields.String(request.Data, "rules") is { Length: > 0 } rules)
        {
            raw = rules;
            warnings = ["'rules' is deprecated, please use 'policy' instead"];
        }

        if (raw.Length == 0)
        {
            return VaultError.BadRequest("'policy' parameter not supplied or empty");
        }

        raw = DecodeBase64(raw) ?? raw;
        var sanitized = PolicyStore.Sanitize(name);
        if (sanitized is "root" or BuiltinPolicies.ResponseWrappingName)
        {
            return VaultError.BadRequest($"cannot update \"{sanitized}\" policy");
        }

        var (policy, error) = PolicyParser.Parse(sanitized, raw);
        if (policy is null)
        {
            return VaultError.BadRequest(error!);
        }

        state.Policies.Put(policy);
        return warnings is null ? VaultNoContent.Instance : new VaultResponse { Warnings = warnings, MountType = "system" };
    }

    private VaultResult Delete(string name)
    {
        var sanitized = PolicyStore.Sanitize(name);
        if (sanitized is "root" or BuiltinPolicies.ResponseWrappingName)
        {
            return VaultError.BadRequest($"cannot delete \"{sanitized}\" policy");
        }

        if (sanitized == "default")
        {
            return VaultError.BadRequest("cannot delete default policy");
        }

        state.Policies.Remove(sanitized);
        return VaultNoContent.Instance;
    }

    /// <summary>The page allows a base64-encoded policy "to avoid string escaping"; Vault decodes whatever decodes.</summary>
    private static string? DecodeBase64(string raw)
    {
        var buffer = new byte[raw.Length];
        return Convert.TryFromBase64String(raw, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }
}
