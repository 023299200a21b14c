namespace SecureLaunch.DevVault.Http;

/// <summary>A failure: <c>{"errors":[...]}</c> with its status (Vault sends the structure for every status >= 400).</summary>
internal sealed record VaultError(int StatusCode, IReadOnlyList<string> Errors) : VaultResult
{
    public static VaultError BadRequest(string message) => new(400, [message]);

    /// <summary>403 as Vault answers a missing, unknown, expired or revoked token.</summary>
    public static VaultError PermissionDenied { get; } = new(403, ["permission denied"]);

    /// <summary>403 as Vault answers a valid token whose policies do not allow the request (its core wraps the error).</summary>
    public static VaultError AclDenied { get; } = new(403, ["1 error occurred:\n\t* permission denied\n\n"]);

    /// <summary>400 for a wrapping token that was used, expired, revoked or never existed.</summary>
    public static VaultError InvalidWrappingToken { get; } = new(400, ["wrapping token is not valid or does not exist"]);

    /// <summary>404 with an empty error list: a secret, version or list that is not there.</summary>
    public static VaultError NotFound { get; } = new(404, []);

    /// <summary>405 for a method the path does not implement, worded as Vault's core wraps the error.</summary>
    public static VaultError UnsupportedOperation { get; } = new(405, ["1 error occurred:\n\t* unsupported operation\n\n"]);

    /// <summary>404 for a path inside a mount that no handler matches.</summary>
    public static VaultError UnsupportedPath { get; } = new(404, ["1 error occurred:\n\t* unsupported path\n\n"]);

    /// <summary>503 for every call but health and seal status while sealed.</summary>
    public static VaultError Sealed { get; } = new(503, ["Vault is sealed"]);

    public static VaultError NoHandler(string path) => new(404, [$"no handler for route \"{path}\". route entry not found."]);
}
