namespace SecureLaunch.Vault.Tests.Fakes;

/// <summary>Sample responses of the sys pages (shared/reference/vault-api/sys-*.mdx), copied as printed.</summary>
internal static class SysSamples
{
    /// <summary>sys-seal-status.mdx, sealed.</summary>
    public const string SealStatusSealed = """
        {
          "type": "shamir",
          "initialized": true,
          "sealed": true,
          "t": 3,
          "n": 5,
          "progress": 2,
          "nonce": "",
          "version": "1.11.0",
          "build_date": "2022-05-03T08:34:11Z",
          "migration": false,
          "recovery_seal": false,
          "storage_type": "file"
        }
        """;

    /// <summary>sys-seal-status.mdx, unsealed.</summary>
    public const string SealStatusUnsealed = """
        {
          "type": "shamir",
          "initialized": true,
          "sealed": false,
          "t": 3,
          "n": 5,
          "progress": 0,
          "nonce": "",
          "version": "1.11.0",
          "build_date": "2022-05-03T08:34:11Z",
          "migration": false,
          "cluster_name": "openbao-cluster-336172e1",
          "cluster_id": "f94053ad-d80e-4270-2006-2efd67d0910a",
          "recovery_seal": false,
          "storage_type": "file"
        }
        """;

    /// <summary>sys-unseal.mdx, a share accepted, still sealed.</summary>
    public const string UnsealProgress = """
        {
          "sealed": true,
          "t": 3,
          "n": 5,
          "progress": 2,
          "version": "0.6.2"
        }
        """;

    /// <summary>sys-unseal.mdx, unsealed.</summary>
    public const string Unsealed = """
        {
          "sealed": false,
          "t": 3,
          "n": 5,
          "progress": 0,
          "version": "0.6.2",
          "cluster_name": "openbao-cluster-d6ec3c7f",
          "cluster_id": "3e8b3fec-3749-e056-ba41-b62a63b997e8"
        }
        """;

    /// <summary>sys-init.mdx, read initialization status.</summary>
    public const string InitStatus = """
        {
          "initialized": true
        }
        """;

    /// <summary>sys-init.mdx, start initialization.</summary>
    public const string Init = """
        {
          "keys": ["one", "two", "three"],
          "keys_base64": ["cR9No5cBC", "F3VLrkOo", "zIDSZNGv"],
          "root_token": "foo"
        }
        """;

    /// <summary>sys-wrapping-unwrap.mdx.</summary>
    public const string Unwrap = """
        {
          "request_id": "8e33c808-f86c-cff8-f30a-fbb3ac22c4a8",
          "lease_id": "",
          "lease_duration": 2592000,
          "renewable": false,
          "data": {
            "zip": "zap"
          },
          "warnings": null
        }
        """;

    /// <summary>sys-wrapping-lookup.mdx.</summary>
    public const string WrappingLookup = """
        {
          "request_id": "481320f5-fdf8-885d-8050-65fa767fd19b",
          "lease_id": "",
          "lease_duration": 0,
          "renewable": false,
          "data": {
            "creation_path": "sys/wrapping/wrap",
            "creation_time": "2016-09-28T14:16:13.07103516-04:00",
            "creation_ttl": 300
          },
          "wrap_info": null,
          "warnings": null,
          "auth": null
        }
        """;

    /// <summary>Vault's sys/capabilities-self page (not among the reference pages): top-level members, legacy <c>capabilities</c>.</summary>
    public const string CapabilitiesSelf = """
        {
          "capabilities": ["delete", "list", "read", "update"],
          "secret/foo": ["delete", "list", "read", "update"]
        }
        """;

    /// <summary>The same answer as Vault's logical layer sends it: the members repeated under <c>data</c>.</summary>
    public const string CapabilitiesSelfWithData = """
        {
          "request_id": "4f3c2b1a-0000-0000-0000-000000000000",
          "lease_id": "",
          "renewable": false,
          "lease_duration": 0,
          "secret/data/app": ["read"],
          "database/creds/app": ["deny"],
          "data": {
            "secret/data/app": ["read"],
            "database/creds/app": ["deny"]
          },
          "wrap_info": null,
          "warnings": null,
          "auth": null
        }
        """;
}
