using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Sys.Seal;

/// <summary>
/// Init, unseal and seal. In memory (dev mode) there is one unseal key and sealing keeps the data; with file storage
/// <c>sys/init</c> splits a root key into Shamir shares, everything is kept encrypted on disk, and each start is sealed.
/// Callers hold the state lock.
/// </summary>
internal sealed partial class SealManager
{
    private const int KeyLength = 32;
    private readonly DevVaultState _state;
    private readonly IReadOnlyList<IPersistent> _parts;
    private readonly SealFiles? _files;
    private readonly Action<string> _applySeed;
    private readonly List<byte[]> _submitted = [];
    private byte[]? _rootKey;
    private byte[]? _dataKey;

    /// <param name="state">The server state whose status this manages.</param>
    /// <param name="parts">Everything the snapshot holds.</param>
    /// <param name="directory">The storage directory, or null for in-memory dev mode.</param>
    /// <param name="applySeed">Writes the seed with the given root token (at start in dev mode, at init with storage).</param>
    public SealManager(DevVaultState state, IReadOnlyList<IPersistent> parts, string? directory, Action<string> applySeed)
    {
        _state = state;
        _parts = parts;
        _applySeed = applySeed;
        if (directory is null)
        {
            _rootKey = RandomNumberGenerator.GetBytes(KeyLength);
            (Shares, Threshold) = (1, 1);
            return;
        }

        _files = new SealFiles(directory);
        if (_files.Initialized)
        {
            (Shares, Threshold, _) = _files.ReadCore();
            state.Status = DevVaultStatus.Sealed;
        }
        else
        {
            state.Status = DevVaultStatus.Uninitialized;
        }
    }

    public int Shares { get; private set; }

    public int Threshold { get; private set; }

    public int Progress => _submitted.Count;

    /// <summary>Identifies the unseal attempt under way; empty when none is.</summary>
    public string Nonce { get; private set; } = string.Empty;

    public string StorageType => _files is null ? "inmem" : "file";

    public bool Persists => _files is not null;

    /// <summary>The in-memory mode's single unseal key (base64), as <c>vault server -dev</c> prints it; null with file storage.</summary>
    public string? DevUnsealKey => _files is null ? Convert.ToBase64String(_rootKey!) : null;

    /// <summary>Writes the snapshot when storage is on and the data is open.</summary>
    public void Persist()
    {
        if (_files is null || _dataKey is null || _state.Status is DevVaultStatus.Sealed or DevVaultStatus.Uninitialized)
        {
            return;
        }

        var snapshot = new JsonObject { ["root_token"] = _state.RootToken };
        foreach (var part in _parts)
        {
            snapshot[part.SnapshotKey] = part.Export();
        }

        _files.WriteBarrier(Barrier.Encrypt(_dataKey, System.Text.Encoding.UTF8.GetBytes(snapshot.ToJsonString()), "barrier"));
    }

    /// <summary><c>sys/seal</c>: persists, then forgets the keys (and, with storage, the data in memory).</summary>
    public void Seal()
    {
        if (_state.Status is DevVaultStatus.Sealed or DevVaultStatus.Uninitialized)
        {
            return;
        }

        Persist();
        ResetProgress();
        _state.Status = DevVaultStatus.Sealed;
        if (_files is null)
        {
            return;
        }

        foreach (var part in _parts)
        {
            part.Import(null);
        }

        _state.RootToken = string.Empty;
        Forget(ref _dataKey);
        Forget(ref _rootKey);
    }

    public void ResetProgress()
    {
        foreach (var part in _submitted)
        {
            CryptographicOperations.ZeroMemory(part);
        }

        _submitted.Clear();
        Nonce = string.Empty;
    }

    private static void Forget(ref byte[]? key)
    {
        if (key is not null)
        {
            CryptographicOperations.ZeroMemory(key);
        }

        key = null;
    }

    private void Open(byte[] dataKey, JsonObject? snapshot)
    {
        _dataKey = dataKey;
        foreach (var part in _parts)
        {
            part.Import(snapshot?[part.SnapshotKey]);
        }

        _state.RootToken = snapshot?["root_token"]?.GetValue<string>() ?? string.Empty;
        _state.Status = DevVaultStatus.Active;
    }

    private static VaultError InvalidKey(string message) => VaultError.BadRequest(message);

    private static JsonObject? ParseSnapshot(byte[]? plaintext) => plaintext is null ? null : JsonNode.Parse(plaintext) as JsonObject;

    private string NewNonce() => RandomIds.Uuid();
}
