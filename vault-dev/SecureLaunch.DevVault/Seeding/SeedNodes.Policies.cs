using SecureLaunch.DevVault.Policies;
using YamlDotNet.RepresentationModel;

namespace SecureLaunch.DevVault.Seeding;

/// <summary><c>dev.policies</c>: name -> policy text, parsed here so a bad policy fails at its location in the spec.</summary>
internal sealed partial class SeedNodes
{
    public void Policies(YamlNode node, Dictionary<string, string> policies)
    {
        foreach (var (keyNode, value) in Mapping(node, "dev.policies").Children)
        {
            var name = PolicyStore.Sanitize(Key(keyNode));
            if (name is "root" or BuiltinPolicies.ResponseWrappingName)
            {
                throw Error(keyNode, $"'dev.policies.{name}' cannot be defined: the policy is built in");
            }

            var text = Scalar(value, $"dev.policies.{name}");
            var (_, error) = PolicyParser.Parse(name, text);
            if (error is not null)
            {
                throw Error(value, $"'dev.policies.{name}': {error}");
            }

            policies[name] = text;
        }
    }

    /// <summary>A string or a list of strings (<c>[a, b]</c> or <c>"a,b"</c>), as Vault's policy lists are given.</summary>
    public List<string> StringList(YamlNode node, string name) => node switch
    {
        YamlSequenceNode sequence => [.. sequence.Children.Select(c => Scalar(c, name))],
        _ => [.. Scalar(node, name).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
    };
}
