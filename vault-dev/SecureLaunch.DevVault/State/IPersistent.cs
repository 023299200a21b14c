using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.State;

/// <summary>A part of the server's data that survives a restart in file storage (sealed, encrypted at rest).</summary>
internal interface IPersistent
{
    /// <summary>The part's name in the snapshot.</summary>
    string SnapshotKey { get; }

    JsonNode Export();

    /// <summary>Replaces the part's data; null empties it (what sealing does to memory).</summary>
    void Import(JsonNode? data);
}
