using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;

namespace SecureLaunch.DevVault.Sys.Seal;

/// <summary><c>sys/init</c> and <c>sys/unseal</c>.</summary>
internal sealed partial class SealManager
{
    /// <summary>Splits a new root key; the server stays sealed, with the seed written, until the shares open it.</summary>
    public (JsonObject? Result, VaultError? Error) Initialize(int shares, int threshold)
    {
        if (_files is null || _files.Initialized)
        {
            return (null, VaultError.BadRequest("Vault is already initialized"));
        }

        if (SealConfigError(shares, threshold) is { } invalid)
        {
            return (null, VaultError.BadRequest("invalid seal configuration: " + invalid));
        }

        var rootKey = RandomNumberGenerator.GetBytes(KeyLength);
        var dataKey = RandomNumberGenerator.GetBytes(KeyLength);
        var keys = shares == 1 ? [(byte[])rootKey.Clone()] : Shamir.Split(rootKey, shares, threshold);
        _files.WriteCore(shares, threshold, Barrier.Encrypt(rootKey, dataKey, "keyring"));
        (Shares, Threshold) = (shares, threshold);

        // The seed goes in under a fresh root token, is written encrypted, and memory is cleared: init leaves Vault sealed.
        var rootToken = RandomIds.ServiceToken();
        Open(dataKey, null);
        _applySeed(rootToken);
        _state.RootToken = rootToken;
        Seal();
        CryptographicOperations.ZeroMemory(rootKey);
        var result = new JsonObject
        {
            ["keys"] = JsonState.Array(keys.Select(Convert.ToHexStringLower)),
            ["keys_base64"] = JsonState.Array(keys.Select(Convert.ToBase64String)),
            ["root_token"] = rootToken,
        };
        return (result, null);
    }

    /// <summary>Adds one share; at the threshold, rebuilds the root key and opens the data. Null when accepted.</summary>
    public VaultError? Unseal(byte[] key)
    {
        if (_state.Status == DevVaultStatus.Uninitialized)
        {
            return VaultError.BadRequest("Vault is not initialized");
        }

        if (_state.Status != DevVaultStatus.Sealed)
        {
            return null;
        }

        if (key.Length < 16)
        {
            return InvalidKey("key is shorter than minimum 16 bytes");
        }

        if (key.Length > KeyLength + 1)
        {
            return InvalidKey($"key is longer than maximum {KeyLength + 1} bytes");
        }

        // Vault ignores a share it already has in this attempt.
        if (_submitted.Any(existing => CryptographicOperations.FixedTimeEquals(existing, key)))
        {
            return null;
        }

        if (Nonce.Length == 0)
        {
            Nonce = NewNonce();
        }

        _submitted.Add((byte[])key.Clone());
        if (_submitted.Count < Threshold)
        {
            return null;
        }

        var opened = _files is null ? OpenInMemory() : OpenFromFiles();
        ResetProgress();
        return opened ? null : InvalidKey("Unseal failed, invalid key");
    }

    private bool OpenInMemory()
    {
        if (!CryptographicOperations.FixedTimeEquals(_submitted[0], _rootKey))
        {
            return false;
        }

        _state.Status = DevVaultStatus.Active;
        return true;
    }

    private bool OpenFromFiles()
    {
        byte[] rootKey;
        try
        {
            rootKey = Threshold == 1 ? (byte[])_submitted[0].Clone() : Shamir.Combine(_submitted);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var (_, _, keyring) = _files!.ReadCore();
        var dataKey = Barrier.Decrypt(rootKey, keyring, "keyring");
        CryptographicOperations.ZeroMemory(rootKey);
        if (dataKey is null)
        {
            return false;
        }

        var blob = _files.ReadBarrier();
        var plaintext = blob is null ? null : Barrier.Decrypt(dataKey, blob, "barrier");
        if (blob is not null && plaintext is null)
        {
            return false;
        }

        Open(dataKey, ParseSnapshot(plaintext));
        return true;
    }

    /// <summary>Vault's <c>SealConfig.Validate</c> for Shamir seals.</summary>
    private static string? SealConfigError(int shares, int threshold) => (shares, threshold) switch
    {
        ( < 1, _) => "shares must be at least one",
        (_, < 1) => "threshold must be at least one",
        ( > 1, 1) => "threshold must be greater than one for multiple shares",
        ( > 255, _) => "shares must be less than 256",
        (_, > 255) => "threshold must be less than 256",
        _ when threshold > shares => "threshold cannot be larger than shares",
        _ => null,
    };
}
