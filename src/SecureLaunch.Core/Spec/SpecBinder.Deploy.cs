using Microsoft.Extensions.Configuration;
using SecureLaunch.Core.Spec.Shape;

namespace SecureLaunch.Core.Spec;

/// <summary>The <c>deploy:</c> section.</summary>
internal sealed partial class SpecBinder
{
    private DeploySettings BindDeploy(IConfigurationSection section)
    {
        if (!section.Exists())
        {
            return DeploySettings.Default with { Location = SourceLocation.Of(_source) };
        }

        CheckKeys(section, "deploy", SpecShape.Deploy);
        var role = section["role"]?.Trim() ?? DeploySettings.DefaultRole;
        if (role.Length == 0 || role.Contains('/', StringComparison.Ordinal))
        {
            ValueError(ConfigurationPath.Combine(section.Path, "role"), $"role '{role}' must be a token role name (one path segment), e.g. {DeploySettings.DefaultRole}");
        }

        var policies = section.GetSection("policies");
        return new DeploySettings
        {
            Role = role,
            Policies = policies.Exists() ? [.. ReadStrings(policies, "[web-db, web-kv]").Select(p => p.Value)] : [],
            Location = _map.Locate(section.Path),
        };
    }
}
