using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth.Userpass;

/// <summary>The userpass method at <c>auth/userpass/</c>: users, their passwords and policies, and login.</summary>
/// <remarks>
/// User write 204 (400 <c>missing password</c> on create), read 200 or 404, delete 204, LIST 200 or 404.
/// Login (unauthenticated) 200 with the auth block; 400 <c>invalid username or password</c>; a login without a
/// password is an internal error in Vault (500 <c>missing password</c>).
/// </remarks>
internal sealed partial class UserpassBackend(DevVaultState state) : IVaultBackend
{
    private const string InvalidCredentials = "invalid username or password";

    private static readonly PasswordHash Dummy = PasswordHash.Of("dummy");

    private readonly Dictionary<string, UserpassUser> _users = new(StringComparer.Ordinal);
    private readonly LoginTokens _tokens = new(state);

    public string Prefix => "auth/userpass/";

    public bool IsUnauthenticated(VaultRequest request, string subPath) => subPath.StartsWith("login/", StringComparison.Ordinal);

    public bool? Exists(VaultRequest request, string subPath) =>
        Split(subPath) is ("users", { } name, "") ? _users.ContainsKey(name) : null;

    public void Seed(string username, DevUserpassUser seed) =>
        _users[username.ToLowerInvariant()] = new UserpassUser { Password = PasswordHash.Of(seed.Password), Token = TokenParams.FromSeed(seed.Token) };

    public VaultResult Handle(VaultRequest request, string subPath)
    {
        var op = request.Operation;
        if (subPath is "users" or "users/")
        {
            return op == VaultOperation.List ? List() : VaultError.UnsupportedOperation;
        }

        return (Split(subPath), op) switch
        {
            (("login", { } name, ""), VaultOperation.Update) => Login(request, name),
            (("users", { } name, ""), VaultOperation.Read) => Read(name),
            (("users", { } name, ""), VaultOperation.Update) => Write(request, name),
            (("users", { } name, ""), VaultOperation.Delete) => Delete(name),
            (("users", { } name, "password"), VaultOperation.Update) => UpdatePassword(request, name),
            (("users", { } name, "policies"), VaultOperation.Update) => UpdatePolicies(request, name),
            (("login" or "users", { }, "" or "password" or "policies"), _) => VaultError.UnsupportedOperation,
            _ => VaultError.UnsupportedPath,
        };
    }

    private VaultResult List() =>
        _users.Count == 0 ? VaultError.NotFound : new VaultResponse { Data = JsonOut.Keys(_users.Keys.Order(StringComparer.Ordinal)), MountType = "userpass" };

    private VaultResult Read(string name)
    {
        if (!_users.TryGetValue(name, out var user))
        {
            return VaultError.NotFound;
        }

        var data = new JsonObject();
        user.Token.WriteTo(data);
        return new VaultResponse { Data = data, MountType = "userpass" };
    }

    private VaultResult Write(VaultRequest request, string name)
    {
        _users.TryGetValue(name, out var existing);
        var password = Fields.String(request.Data, "password");
        if (existing is null && string.IsNullOrEmpty(password))
        {
            return VaultError.BadRequest("missing password");
        }

        var (token, error) = TokenParams.Update(request.Data, existing?.Token ?? new TokenParams());
        if (token is null)
        {
            return error!;
        }

        var user = existing ?? new UserpassUser { Password = PasswordHash.Of(password!) };
        if (existing is not null && !string.IsNullOrEmpty(password))
        {
            user.Password = PasswordHash.Of(password);
        }

        user.Token = token;
        _users[name] = user;
        return VaultNoContent.Instance;
    }

    private VaultNoContent Delete(string name)
    {
        _users.Remove(name);
        return VaultNoContent.Instance;
    }

    private VaultResult UpdatePassword(VaultRequest request, string name)
    {
        if (!_users.TryGetValue(name, out var user))
        {
            return VaultError.BadRequest("username does not exist");
        }

        var password = Fields.String(request.Data, "password");
        if (string.IsNullOrEmpty(password))
        {
            return VaultError.BadRequest("missing password");
        }

        user.Password = PasswordHash.Of(password);
        return VaultNoContent.Instance;
    }

    private VaultResult UpdatePolicies(VaultRequest request, string name)
    {
        if (!_users.TryGetValue(name, out var user))
        {
            return VaultError.BadRequest("username does not exist");
        }

        var policies = Fields.StringList(request.Data, "token_policies") ?? Fields.StringList(request.Data, "policies") ?? [];
        user.Token = user.Token with { Policies = [.. policies.Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0).Distinct().Order(StringComparer.Ordinal)] };
        return VaultNoContent.Instance;
    }

    private VaultResult Login(VaultRequest request, string name)
    {
        var password = Fields.String(request.Data, "password");
        if (string.IsNullOrEmpty(password))
        {
            return new VaultError(500, ["missing password"]);
        }

        if (!_users.TryGetValue(name, out var user))
        {
            // Hash anyway, so the answer takes as long as for a wrong password (as Vault's dummy bcrypt check does).
            _ = Dummy.Matches(password);
            return VaultError.BadRequest(InvalidCredentials);
        }

        if (!user.Password.Matches(password))
        {
            return VaultError.BadRequest(InvalidCredentials);
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["username"] = name };
        return _tokens.Issue(request, "userpass", name, user.Token, metadata);
    }

    /// <summary><c>users/NAME[/tail]</c> or <c>login/NAME</c>, with Vault's name rule; the name is lower-cased.</summary>
    private static (string Area, string? Name, string Tail) Split(string subPath)
    {
        var parts = subPath.Split('/', 3);
        if (parts.Length < 2 || parts[0] is not ("users" or "login") || !Username().IsMatch(parts[1]))
        {
            return (string.Empty, null, string.Empty);
        }

        return (parts[0], parts[1].ToLowerInvariant(), parts.Length == 3 ? parts[2] : string.Empty);
    }

    [GeneratedRegex(@"^\w(([\w.-]+)?\w)?$")]
    private static partial Regex Username();
}
