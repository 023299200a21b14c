using YamlDotNet.RepresentationModel;

namespace SecureLaunch.DevVault.Seeding;

/// <summary><c>dev.bootstrap</c>: a bootstrap file, relative to the spec.</summary>
internal sealed partial class SeedNodes
{
    public DevVaultBootstrap Bootstrap(YamlNode node)
    {
        var relative = Scalar(node, "dev.bootstrap");
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(sourceName)) ?? Directory.GetCurrentDirectory();
        var path = Path.GetFullPath(relative, baseDirectory);
        try
        {
            return DevVaultBootstrap.FromFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Error(node, $"'dev.bootstrap' cannot be read: {relative} ({ex.GetType().Name})");
        }
    }
}
