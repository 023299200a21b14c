using YamlDotNet.RepresentationModel;

namespace SecureLaunch.DevVault.Seeding;

/// <summary><c>dev.userpass.users.NAME</c>: a user with a password and token settings.</summary>
internal sealed partial class SeedNodes
{
    public void Userpass(YamlNode node, Dictionary<string, DevUserpassUser> users)
    {
        foreach (var (keyNode, value) in Mapping(node, "dev.userpass").Children)
        {
            if (Key(keyNode) != "users")
            {
                throw Error(keyNode, $"unknown key 'dev.userpass.{Key(keyNode)}' (expected users)");
            }

            foreach (var (userKey, userNode) in Mapping(value, "dev.userpass.users").Children)
            {
                var name = Key(userKey).ToLowerInvariant();
                users[name] = UserpassUser(userNode, $"dev.userpass.users.{name}");
            }
        }
    }

    private DevUserpassUser UserpassUser(YamlNode node, string path)
    {
        string? password = null;
        var token = DevTokenSettings.Default;
        foreach (var (keyNode, value) in Mapping(node, path).Children)
        {
            var key = Key(keyNode);
            if (key == "password")
            {
                password = NonEmpty(value, $"{path}.password");
            }
            else if (!TryToken(key, value, path, ref token))
            {
                throw Error(keyNode, $"unknown key '{path}.{key}' (expected password, {TokenKeys})");
            }
        }

        CheckToken(token, node, path);
        return new DevUserpassUser(password ?? throw Error(node, $"'{path}' needs a password")) { Token = token };
    }
}
