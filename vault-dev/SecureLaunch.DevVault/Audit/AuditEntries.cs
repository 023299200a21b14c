using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Audit;

/// <summary>
/// The two entries of one request, shaped as Vault 1.14's JSON audit format: <c>time</c>, <c>type</c>, <c>auth</c>,
/// <c>request</c>, <c>response</c> and <c>error</c>; tokens, accessors and every string of request and response data
/// are HMAC-hashed. One field is ours: <c>response.status_code</c>, the HTTP status sent.
/// </summary>
internal sealed class AuditEntries(AuditHasher hasher)
{
    public JsonObject Request(VaultRequest request, VaultResult result) => Entry("request", request, result, response: null);

    public JsonObject Response(VaultRequest request, VaultResult result) => Entry("response", request, result, ResponseJson(result));

    private JsonObject Entry(string type, VaultRequest request, VaultResult result, JsonObject? response)
    {
        var entry = new JsonObject
        {
            ["time"] = GoTime.Rfc3339(request.Now),
            ["type"] = type,
            ["auth"] = AuthJson(request.Token),
            ["request"] = RequestJson(request),
        };
        if (response is not null)
        {
            entry["response"] = response;
        }

        if (result is VaultError { Errors.Count: > 0 } error)
        {
            entry["error"] = string.Join(", ", error.Errors);
        }

        return entry;
    }

    private JsonObject AuthJson(TokenEntry? token)
    {
        if (token is null)
        {
            return new JsonObject { ["token_type"] = "default" };
        }

        var auth = new JsonObject
        {
            ["client_token"] = hasher.Hash(token.Id),
            ["accessor"] = hasher.Hash(token.Accessor),
            ["display_name"] = token.DisplayName,
            ["policies"] = JsonOut.Strings(token.Policies),
            ["token_policies"] = JsonOut.Strings(token.Policies),
        };
        if (token.Meta is { Count: > 0 })
        {
            auth["metadata"] = JsonOut.StringMap(token.Meta);
        }

        auth["entity_id"] = string.Empty;
        auth["token_type"] = "service";
        auth["token_ttl"] = (long)token.CreationTtl.TotalSeconds;
        auth["token_issue_time"] = GoTime.Rfc3339(token.CreatedAt);
        return auth;
    }

    private JsonObject RequestJson(VaultRequest request)
    {
        var json = new JsonObject
        {
            ["id"] = request.Id,
            ["operation"] = request.AuditOperation,
            ["mount_type"] = request.MountType,
            ["mount_accessor"] = request.MountAccessor,
        };
        if (!string.IsNullOrEmpty(request.ClientToken))
        {
            json["client_token"] = hasher.Hash(request.ClientToken);
            if (request.Token is { } token)
            {
                json["client_token_accessor"] = hasher.Hash(token.Accessor);
            }
        }

        json["namespace"] = new JsonObject { ["id"] = "root" };
        json["path"] = request.Path;
        json["data"] = request.Data.Count > 0 ? hasher.HashStructure(request.Data) : null;
        json["remote_address"] = request.RemoteAddress;
        json["wrap_ttl"] = request.WrapTtl is { } ttl ? (long)ttl.TotalSeconds : 0;
        return json;
    }

    private JsonObject ResponseJson(VaultResult result)
    {
        var json = new JsonObject();
        switch (result)
        {
            case VaultResponse response:
                json["mount_type"] = response.MountType;
                if (response.Auth is { } auth)
                {
                    json["auth"] = hasher.HashFields(auth, "client_token", "accessor");
                }

                if (response.LeaseId.Length > 0)
                {
                    json["secret"] = new JsonObject { ["lease_id"] = response.LeaseId };
                }

                if (response.Data is not null)
                {
                    json["data"] = hasher.HashStructure(response.Data);
                }

                if (response.WrapInfo is { } wrap)
                {
                    json["wrap_info"] = hasher.HashFields(wrap, "token", "accessor", "wrapped_accessor");
                }

                if (response.Warnings is { Count: > 0 } warnings)
                {
                    json["warnings"] = JsonOut.Strings(warnings);
                }

                json["status_code"] = response.StatusCode;
                break;
            case VaultNoContent:
                json["status_code"] = 204;
                break;
            case VaultError error:
                json["status_code"] = error.StatusCode;
                break;
            case VaultRawJson raw:
                json["data"] = hasher.HashStructure(raw.Body);
                json["status_code"] = raw.StatusCode;
                break;
        }

        return json;
    }
}
