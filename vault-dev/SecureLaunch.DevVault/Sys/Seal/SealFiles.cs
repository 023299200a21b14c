using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Sys.Seal;

/// <summary>
/// The storage directory: <c>core.json</c> holds the seal configuration and the data key encrypted under the root
/// key (which only the unseal shares rebuild); <c>barrier.bin</c> holds every piece of data, encrypted under the data key.
/// </summary>
internal sealed class SealFiles(string directory)
{
    private const string CoreFile = "core.json";
    private const string BarrierFile = "barrier.bin";

    public string Directory => directory;

    public bool Initialized => File.Exists(Path.Combine(directory, CoreFile));

    public (int Shares, int Threshold, byte[] Keyring) ReadCore()
    {
        var core = JsonNode.Parse(File.ReadAllBytes(Path.Combine(directory, CoreFile)))!.AsObject();
        return (core["secret_shares"]!.GetValue<int>(), core["secret_threshold"]!.GetValue<int>(), Convert.FromBase64String(core["keyring"]!.GetValue<string>()));
    }

    public void WriteCore(int shares, int threshold, byte[] keyring)
    {
        var core = new JsonObject
        {
            ["version"] = 1,
            ["secret_shares"] = shares,
            ["secret_threshold"] = threshold,
            ["keyring"] = Convert.ToBase64String(keyring),
        };
        WriteAtomically(CoreFile, System.Text.Encoding.UTF8.GetBytes(core.ToJsonString()));
    }

    public byte[]? ReadBarrier()
    {
        var path = Path.Combine(directory, BarrierFile);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    public void WriteBarrier(byte[] blob) => WriteAtomically(BarrierFile, blob);

    /// <summary>Write then rename, so a crash mid-write leaves the previous file whole.</summary>
    private void WriteAtomically(string name, byte[] content)
    {
        System.IO.Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, name);
        var temporary = target + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, target, overwrite: true);
    }
}
