using System.Globalization;
using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.Policies.Hcl;

namespace SecureLaunch.DevVault.Policies;

/// <summary>Turns policy text (HCL, or JSON, which is valid HCL here) into rules, with Vault's <c>ParseACLPolicy</c> checks and wording.</summary>
internal static class PolicyParser
{
    private static readonly string[] PathKeys =
    [
        "comment", "policy", "capabilities", "allowed_parameters", "denied_parameters", "required_parameters",
        "min_wrapping_ttl", "max_wrapping_ttl", "mfa_methods", "control_group",
    ];

    /// <summary>The policy, or the error Vault answers with (always starting <c>failed to parse policy: </c>).</summary>
    public static (AclPolicy? Policy, string? Error) Parse(string name, string raw)
    {
        try
        {
            var root = JsonPolicy.TryParse(raw) ?? HclParser.Parse(raw);
            var rules = new List<PathRule>();
            foreach (var item in root.Items)
            {
                switch (item.Key)
                {
                    case "name":
                        break;
                    case "path":
                        if (PathRuleFrom(item) is { } rule)
                        {
                            rules.Add(rule);
                        }

                        break;
                    default:
                        throw new PolicyException($"invalid key \"{item.Key}\" on line {item.Line}");
                }
            }

            return (new AclPolicy(name, raw, rules), null);
        }
        catch (Exception ex) when (ex is HclException or PolicyException)
        {
            return (null, "failed to parse policy: " + ex.Message);
        }
    }

    /// <summary>Null for a templated path: with no identity entities here, Vault would skip it too.</summary>
    private static PathRule? PathRuleFrom(HclItem item)
    {
        var key = item.Labels.Count > 0 ? item.Labels[0] : "path";
        if (item.Value is not HclObject body)
        {
            throw new PolicyException($"path {Quote(key)}: expected an object");
        }

        foreach (var entry in body.Items.Where(e => !PathKeys.Contains(e.Key)))
        {
            throw new PolicyException($"path {Quote(key)}: invalid key \"{entry.Key}\" on line {entry.Line}");
        }

        if (body.Items.FirstOrDefault(e => e.Key is "mfa_methods" or "control_group") is { } unsupported)
        {
            throw new PolicyException($"path {Quote(key)}: {unsupported.Key} is not supported by the SecureLaunch dev server");
        }

        var path = key.StartsWith('/') ? key[1..] : key;
        if (path.Contains("+*", StringComparison.Ordinal))
        {
            throw new PolicyException($"path {Quote(path)}: invalid use of wildcards ('+*' is forbidden)");
        }

        var permissions = new PathPermissions { Capabilities = Capabilities(body, key) };
        if (!permissions.Capabilities.HasFlag(Capability.Deny))
        {
            ReadConstraints(body, path, permissions);
        }

        if (path.Contains("{{", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path == "+" || path.Contains("/+", StringComparison.Ordinal) || path.StartsWith("+/", StringComparison.Ordinal);
        var prefix = !segments && path.EndsWith('*');
        return new PathRule(prefix ? path[..^1] : path, prefix, segments, permissions);
    }

    private static Capability Capabilities(HclObject body, string key)
    {
        var names = new List<string>();
        if (Find(body, "policy") is { } legacy)
        {
            names.AddRange(Text(legacy, key, "policy") switch
            {
                "deny" => ["deny"],
                "read" => ["read", "list"],
                "write" => ["create", "read", "update", "delete", "list"],
                "sudo" => ["create", "read", "update", "delete", "list", "sudo"],
                var other => throw new PolicyException($"path {Quote(key)}: invalid policy {Quote(other)}"),
            });
        }

        if (Find(body, "capabilities") is { } list)
        {
            names.AddRange(list is HclList items
                ? items.Items.Select(i => Text(i, key, "capabilities"))
                : throw new PolicyException($"path {Quote(key)}: capabilities must be a list"));
        }

        var result = Capability.None;
        foreach (var name in names)
        {
            var capability = CapabilityNames.Parse(name) ?? throw new PolicyException($"path {Quote(key)}: invalid capability {Quote(name)}");
            if (capability == Capability.Deny)
            {
                return Capability.Deny;
            }

            result |= capability;
        }

        return result;
    }

    private static void ReadConstraints(HclObject body, string path, PathPermissions permissions)
    {
        permissions.AllowedParameters = Parameters(Find(body, "allowed_parameters"), path, "allowed_parameters");
        permissions.DeniedParameters = Parameters(Find(body, "denied_parameters"), path, "denied_parameters");
        if (Find(body, "required_parameters") is { } required)
        {
            permissions.RequiredParameters = required is HclList list
                ? [.. list.Items.Select(i => Text(i, path, "required_parameters"))]
                : throw new PolicyException($"path {Quote(path)}: required_parameters must be a list");
        }

        permissions.MinWrappingTtl = WrappingTtl(Find(body, "min_wrapping_ttl"), path, "min_wrapping_ttl");
        permissions.MaxWrappingTtl = WrappingTtl(Find(body, "max_wrapping_ttl"), path, "max_wrapping_ttl");
        if (permissions.MinWrappingTtl > TimeSpan.Zero && permissions.MaxWrappingTtl > TimeSpan.Zero && permissions.MaxWrappingTtl < permissions.MinWrappingTtl)
        {
            throw new PolicyException("max_wrapping_ttl cannot be less than min_wrapping_ttl");
        }
    }

    private static Dictionary<string, List<JsonNode?>>? Parameters(HclValue? value, string path, string name)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not HclObject map)
        {
            throw new PolicyException($"path {Quote(path)}: {name} must be a map");
        }

        var result = new Dictionary<string, List<JsonNode?>>(StringComparer.Ordinal);
        foreach (var entry in map.Items)
        {
            if (entry.Key.Contains('*', StringComparison.Ordinal) && entry.Key != "*")
            {
                throw new PolicyException($"path {Quote(path)}: {name}: parameter key {Quote(entry.Key)} cannot contain non-tail wildcards");
            }

            result[entry.Key.ToLowerInvariant()] = entry.Value is HclList list
                ? [.. list.Items.Select(Json)]
                : throw new PolicyException($"path {Quote(path)}: {name}: values of {Quote(entry.Key)} must be a list");
        }

        return result;
    }

    private static TimeSpan WrappingTtl(HclValue? value, string path, string name)
    {
        if (value is null)
        {
            return TimeSpan.Zero;
        }

        var text = value switch
        {
            HclString s => s.Value,
            HclNumber n => n.Text,
            _ => throw new PolicyException($"path {Quote(path)}: {name} must be a duration"),
        };
        return GoDuration.TryParse(text, out var duration) && duration >= TimeSpan.Zero
            ? duration
            : throw new PolicyException($"error parsing {name}: time: invalid duration {Quote(text)}");
    }

    private static JsonNode? Json(HclValue value) => value switch
    {
        HclString s => JsonValue.Create(s.Value),
        HclBool b => JsonValue.Create(b.Value),
        HclNumber n when long.TryParse(n.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
        HclNumber n => JsonValue.Create(double.Parse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture)),
        _ => null,
    };

    private static HclValue? Find(HclObject body, string key) => body.Items.LastOrDefault(i => i.Key == key)?.Value;

    private static string Text(HclValue value, string path, string name) =>
        value is HclString s ? s.Value : throw new PolicyException($"path {Quote(path)}: {name} must be strings");

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
