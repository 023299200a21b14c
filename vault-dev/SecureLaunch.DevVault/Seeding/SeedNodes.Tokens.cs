using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace SecureLaunch.DevVault.Seeding;

/// <summary>The <c>token*</c> keys roles and users share, and small scalar readers.</summary>
internal sealed partial class SeedNodes
{
    public const string TokenKeys = "tokenPolicies, tokenTtl, tokenMaxTtl, tokenExplicitMaxTtl, tokenPeriod, tokenNumUses, tokenNoDefaultPolicy";

    /// <summary>Applies one <c>token*</c> key; false when <paramref name="key"/> is not one of them.</summary>
    public bool TryToken(string key, YamlNode value, string path, ref DevTokenSettings token)
    {
        var name = $"{path}.{key}";
        switch (key)
        {
            case "tokenPolicies":
                token = token with { Policies = StringList(value, name) };
                return true;
            case "tokenTtl":
                token = token with { Ttl = Duration(value, name) };
                return true;
            case "tokenMaxTtl":
                token = token with { MaxTtl = Duration(value, name) };
                return true;
            case "tokenExplicitMaxTtl":
                token = token with { ExplicitMaxTtl = Duration(value, name) };
                return true;
            case "tokenPeriod":
                token = token with { Period = Duration(value, name) };
                return true;
            case "tokenNumUses":
                token = token with { NumUses = Count(value, name) };
                return true;
            case "tokenNoDefaultPolicy":
                token = token with { NoDefaultPolicy = Bool(value, name) };
                return true;
            default:
                return false;
        }
    }

    /// <summary>Checks what Vault would refuse on write: a TTL above the max TTL.</summary>
    public void CheckToken(DevTokenSettings token, YamlNode node, string path)
    {
        if (token.MaxTtl > TimeSpan.Zero && token.Ttl > token.MaxTtl)
        {
            throw Error(node, $"'{path}.tokenTtl' cannot be greater than tokenMaxTtl");
        }
    }

    public int Count(YamlNode node, string name)
    {
        var text = Scalar(node, name);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(node, $"'{name}' must be a whole number of 0 or more: '{text}'");
    }

    public bool Bool(YamlNode node, string name) => Scalar(node, name) switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        var text => throw Error(node, $"'{name}' must be true or false: '{text}'"),
    };

    public string NonEmpty(YamlNode node, string name)
    {
        var text = Scalar(node, name);
        return text.Trim().Length > 0 ? text : throw Error(node, $"'{name}' must not be empty");
    }
}
