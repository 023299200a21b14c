using Microsoft.Extensions.Configuration;
using SecureLaunch.Core.Spec.Shape;

namespace SecureLaunch.Core.Spec;

internal sealed partial class SpecBinder
{
    private const string AuthPath = "vault:auth";

    private static readonly IReadOnlyList<string> MethodNames = SpecShape.AuthMethodNames;

    private AuthSettings BindAuth(IConfigurationSection auth)
    {
        var location = _map.Locate(AuthPath);
        var methodText = auth["method"] ?? "token";
        if (!TryParseMethod(methodText, out var method))
        {
            ValueError($"{AuthPath}:method", $"unknown auth method '{methodText}'; use one of {string.Join(", ", MethodNames)}{Suggestions.Hint(methodText, MethodNames)}");
            return new AuthSettings { Location = location };
        }

        CheckAuthKeys(auth, method);
        var mount = auth["mount"]?.Trim('/') is { Length: > 0 } m ? m : MethodNames[(int)method];
        var settings = new AuthSettings { Method = method, Mount = mount, Location = location };
        return method switch
        {
            AuthMethod.Token => settings with { Token = ReadCredential(auth, "token", required: false) },
            AuthMethod.AppRole => BindAppRole(auth, settings),
            AuthMethod.Userpass => settings with
            {
                Username = RequiredText(auth, "username", "userpass needs 'username'"),
                Password = ReadCredential(auth, "password", required: true),
            },
            AuthMethod.Jwt => settings with
            {
                Role = RequiredText(auth, "role", "jwt needs the Vault 'role' to log in as"),
                Jwt = ReadCredential(auth, "jwt", required: true),
            },
            _ => settings with
            {
                Role = RequiredText(auth, "role", "kubernetes needs the Vault 'role' to log in as"),
                Jwt = new CredentialSource
                {
                    File = auth["tokenFile"] ?? AuthSettings.KubernetesTokenFile,
                    Key = "vault.auth.tokenFile",
                    Location = _map.LocateValue($"{AuthPath}:tokenFile"),
                },
            },
        };
    }

    private AuthSettings BindAppRole(IConfigurationSection auth, AuthSettings settings)
    {
        var plain = ReadCredential(auth, "secretId", required: false);
        var wrapped = ReadCredential(auth, "wrappedSecretId", required: false);
        if (plain is not null && wrapped is not null)
        {
            Error(AuthPath, "approle takes a secretId or a wrappedSecretId, not both");
        }
        else if (plain is null && wrapped is null)
        {
            Error(AuthPath, "approle needs a secret id: secretId, secretIdFile, secretIdEnv, or their wrappedSecretId forms");
        }

        var secretId = plain ?? wrapped;
        var remove = auth["removeSecretIdFile"];
        if (remove is not null && remove is not ("true" or "false"))
        {
            ValueError($"{AuthPath}:removeSecretIdFile", $"'{remove}' must be true or false");
        }
        else if (remove == "true" && secretId?.File is null)
        {
            ValueError($"{AuthPath}:removeSecretIdFile", "removeSecretIdFile needs the secret id in a file (secretIdFile or wrappedSecretIdFile)");
        }

        return settings with
        {
            RoleId = ReadCredential(auth, "roleId", required: true),
            SecretId = secretId,
            SecretIdWrapped = wrapped is not null,
            RemoveSecretIdFile = remove == "true",
        };
    }

    private void CheckAuthKeys(IConfigurationSection auth, AuthMethod method)
    {
        var shape = SpecShape.Auth;
        var own = shape.KeyNames.Concat(shape.Variant(MethodNames[(int)method])!.KeyNames).ToList();
        foreach (var child in auth.GetChildren())
        {
            if (own.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var owner = shape.Variants.FirstOrDefault(v => v.KeyNames.Contains(child.Key, StringComparer.OrdinalIgnoreCase));
            Error(child.Path, owner is not null
                ? $"'{child.Key}' belongs to auth method {owner.Value}, not {MethodNames[(int)method]}"
                : $"unknown key '{child.Key}' in 'vault.auth'{Suggestions.Hint(child.Key, own)}");
        }
    }

    /// <summary>Reads <c>name</c>, <c>nameFile</c> or <c>nameEnv</c>: exactly one when required, at most one otherwise.</summary>
    private CredentialSource? ReadCredential(IConfigurationSection auth, string name, bool required)
    {
        var given = Credential(name).Where(k => auth[k] is not null).ToList();
        if (given.Count > 1)
        {
            Error(AuthPath, $"give only one of {string.Join(", ", given)}");
            return null;
        }

        if (given.Count == 0)
        {
            if (required)
            {
                Error(AuthPath, $"missing {name}: give {name} (usually as ${{VAR}}), {name}File or {name}Env");
            }

            return null;
        }

        var key = given[0];
        var value = auth[key]!;
        var path = $"{AuthPath}:{key}";
        if (key.EndsWith("Env", StringComparison.Ordinal) && !IsEnvName(value))
        {
            ValueError(path, $"'{value}' is not an environment variable name");
        }

        return new CredentialSource
        {
            Value = key == name ? value : null,
            File = key.EndsWith("File", StringComparison.Ordinal) ? value : null,
            EnvironmentVariable = key.EndsWith("Env", StringComparison.Ordinal) ? value : null,
            Key = $"vault.auth.{key}",
            Location = _map.LocateValue(path),
        };
    }

    private string? RequiredText(IConfigurationSection auth, string key, string message)
    {
        var value = auth[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(AuthPath, message);
            return null;
        }

        return value;
    }

    private static bool TryParseMethod(string text, out AuthMethod method)
    {
        var index = MethodNames.ToList().FindIndex(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        method = (AuthMethod)Math.Max(index, 0);
        return index >= 0;
    }

    private static IEnumerable<string> Credential(string name) => [name, name + "File", name + "Env"];
}
