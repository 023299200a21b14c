using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Sys;

/// <summary><c>GET /v1/sys/seal-status</c> (also the answer of <c>sys/unseal</c>): unauthenticated; in memory one share with threshold 1.</summary>
internal static class SealStatusEndpoint
{
    public static VaultResult Handle(DevVaultState state)
    {
        var initialized = state.Status != DevVaultStatus.Uninitialized;
        var sealedNow = state.Status is DevVaultStatus.Sealed or DevVaultStatus.Uninitialized;
        var body = new JsonObject
        {
            ["type"] = "shamir",
            ["initialized"] = initialized,
            ["sealed"] = sealedNow,
            ["t"] = initialized ? state.Seal.Threshold : 0,
            ["n"] = initialized ? state.Seal.Shares : 0,
            ["progress"] = state.Seal.Progress,
            ["nonce"] = state.Seal.Nonce,
            ["version"] = SystemDefaults.Version,
            ["build_date"] = SystemDefaults.BuildDate,
            ["migration"] = false,
        };
        if (!sealedNow)
        {
            body["cluster_name"] = state.ClusterName;
            body["cluster_id"] = state.ClusterId;
        }

        body["recovery_seal"] = false;
        body["storage_type"] = state.Seal.StorageType;
        return new VaultRawJson(200, body);
    }
}
