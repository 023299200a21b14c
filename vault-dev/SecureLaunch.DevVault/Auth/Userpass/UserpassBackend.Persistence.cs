using System.Text.Json.Nodes;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth.Userpass;

/// <summary>Users in the snapshot: password hashes only.</summary>
internal sealed partial class UserpassBackend : IPersistent
{
    public string SnapshotKey => "userpass";

    public JsonNode Export()
    {
        var users = new JsonObject();
        foreach (var (name, user) in _users)
        {
            users[name] = new JsonObject
            {
                ["salt"] = Convert.ToBase64String(user.Password.Salt),
                ["hash"] = Convert.ToBase64String(user.Password.Hash),
                ["token"] = TokenParamsJson.Export(user.Token),
            };
        }

        return users;
    }

    public void Import(JsonNode? data)
    {
        _users.Clear();
        foreach (var (name, node) in data as JsonObject ?? [])
        {
            _users[name] = new UserpassUser
            {
                Password = new PasswordHash(Convert.FromBase64String(node!["salt"]!.GetValue<string>()), Convert.FromBase64String(node["hash"]!.GetValue<string>())),
                Token = TokenParamsJson.Import(node["token"]),
            };
        }
    }
}
