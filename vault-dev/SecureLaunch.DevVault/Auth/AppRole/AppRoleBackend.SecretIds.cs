using System.Text.Json;
using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;

namespace SecureLaunch.DevVault.Auth.AppRole;

/// <summary>Secret IDs: generate, custom, list accessors, lookup and destroy.</summary>
internal sealed partial class AppRoleBackend
{
    private static readonly DateTimeOffset GoZeroTime = new(1, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private VaultResult CustomSecretId(VaultRequest request, string name)
    {
        var custom = Fields.String(request.Data, "secret_id");
        return string.IsNullOrEmpty(custom) ? VaultError.BadRequest("missing secret_id") : GenerateSecretId(request, name, custom);
    }

    private VaultResult GenerateSecretId(VaultRequest request, string name, string? custom)
    {
        if (!_roles.TryGetValue(name, out var role))
        {
            return RoleMissing(name);
        }

        var data = request.Data;
        if (!Fields.TryInt(data, "num_uses", out var numUses, out var error) || !Fields.TryDuration(data, "ttl", out var ttl, out error))
        {
            return error!;
        }

        if (Fields.StringList(data, "cidr_list") is { Count: > 0 } || Fields.StringList(data, "token_bound_cidrs") is { Count: > 0 })
        {
            return VaultError.BadRequest("CIDR-bound secret IDs are not supported by the SecureLaunch dev server");
        }

        if (numUses < 0)
        {
            return VaultError.BadRequest("num_uses cannot be negative");
        }

        var uses = data.ContainsKey("num_uses") ? (int)numUses : role.SecretIdNumUses;
        if (role.SecretIdNumUses > 0 && (uses == 0 || uses > role.SecretIdNumUses))
        {
            return VaultError.BadRequest("num_uses cannot be higher than the role's secret_id_num_uses");
        }

        var lifetime = data.ContainsKey("ttl") ? ttl : role.SecretIdTtl;
        if (role.SecretIdTtl > TimeSpan.Zero && (lifetime == TimeSpan.Zero || lifetime > role.SecretIdTtl))
        {
            return VaultError.BadRequest("ttl cannot be longer than the role's secret_id_ttl");
        }

        var (metadata, metadataError) = Metadata(Fields.String(data, "metadata"));
        if (metadata is null)
        {
            return metadataError!;
        }

        var secretId = custom ?? RandomIds.Uuid();
        if (role.SecretIds.ContainsKey(secretId))
        {
            return VaultError.BadRequest("SecretID is already registered");
        }

        var entry = new AppRoleSecretId { Accessor = RandomIds.Uuid(), NumUses = uses, Ttl = lifetime, CreatedAt = request.Now, LastUpdatedAt = request.Now, Metadata = metadata };
        role.SecretIds[secretId] = entry;
        var response = new JsonObject
        {
            ["secret_id_accessor"] = entry.Accessor,
            ["secret_id"] = secretId,
            ["secret_id_ttl"] = (long)lifetime.TotalSeconds,
            ["secret_id_num_uses"] = uses,
        };
        return new VaultResponse { Data = response, MountType = "approle" };
    }

    private VaultResult ListSecretIdAccessors(string name)
    {
        if (!_roles.TryGetValue(name, out var role))
        {
            return RoleMissing(name);
        }

        var accessors = role.SecretIds.Values.Select(s => s.Accessor).Order(StringComparer.Ordinal).ToList();
        return accessors.Count == 0 ? VaultError.NotFound : new VaultResponse { Data = JsonOut.Keys(accessors), MountType = "approle" };
    }

    private VaultResult LookupSecretId(VaultRequest request, string name)
    {
        if (!_roles.TryGetValue(name, out var role))
        {
            return RoleMissing(name);
        }

        var secretId = Fields.String(request.Data, "secret_id");
        if (string.IsNullOrEmpty(secretId))
        {
            return VaultError.BadRequest("missing secret_id");
        }

        if (!role.SecretIds.TryGetValue(secretId, out var entry) || !entry.IsLive(request.Now))
        {
            return VaultNoContent.Instance;
        }

        var data = new JsonObject
        {
            ["cidr_list"] = new JsonArray(),
            ["creation_time"] = GoTime.Rfc3339(entry.CreatedAt),
            ["expiration_time"] = GoTime.Rfc3339(entry.ExpiresAt ?? GoZeroTime),
            ["last_updated_time"] = GoTime.Rfc3339(entry.LastUpdatedAt),
            ["metadata"] = JsonOut.StringMap(entry.Metadata),
            ["secret_id_accessor"] = entry.Accessor,
            ["secret_id_num_uses"] = entry.NumUses,
            ["secret_id_ttl"] = (long)entry.Ttl.TotalSeconds,
            ["token_bound_cidrs"] = new JsonArray(),
        };
        return new VaultResponse { Data = data, MountType = "approle" };
    }

    private VaultResult DestroySecretId(VaultRequest request, string name)
    {
        if (!_roles.TryGetValue(name, out var role))
        {
            return RoleMissing(name);
        }

        var secretId = Fields.String(request.Data, "secret_id");
        if (string.IsNullOrEmpty(secretId))
        {
            return VaultError.BadRequest("missing secret_id");
        }

        role.SecretIds.Remove(secretId);
        return VaultNoContent.Instance;
    }

    /// <summary>The page's <c>metadata</c>: a JSON object of strings, given as a string.</summary>
    private static (Dictionary<string, string>? Metadata, VaultError? Error) Metadata(string? raw)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (result, null);
        }

        try
        {
            if (JsonNode.Parse(raw) is not JsonObject map)
            {
                return (null, VaultError.BadRequest("failed to parse metadata: not a JSON object"));
            }

            foreach (var (key, value) in map)
            {
                if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                {
                    return (null, VaultError.BadRequest($"failed to parse metadata: value of \"{key}\" is not a string"));
                }

                result[key] = v.GetValue<string>();
            }

            return (result, null);
        }
        catch (JsonException ex)
        {
            return (null, VaultError.BadRequest("failed to parse metadata: " + ex.Message));
        }
    }
}
