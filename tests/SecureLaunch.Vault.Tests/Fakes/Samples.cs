namespace SecureLaunch.Vault.Tests.Fakes;

/// <summary>
/// Response bodies copied from the sample responses of the reference pages (shared/reference/vault-api), so
/// the client is tested against what Vault documents, not against what it expects.
/// </summary>
internal static class Samples
{
    /// <summary>sys-health.mdx, sample response.</summary>
    public const string Health = """
        {
          "initialized": true,
          "sealed": false,
          "standby": false,
          "performance_standby": false,
          "replication_performance_mode": "disabled",
          "replication_dr_mode": "disabled",
          "server_time_utc": 1516639589,
          "version": "0.9.2",
          "cluster_name": "openbao-cluster-3bd69ca2",
          "cluster_id": "00af5aa8-c87d-b5fc-e82e-97cd8dfaf731"
        }
        """;

    /// <summary>secret-kv-v1.mdx, read secret: an advisory lease_duration with an empty lease_id.</summary>
    public const string KvV1Read = """
        {
          "auth": null,
          "data": {
            "foo": "bar",
            "ttl": "1h"
          },
          "lease_duration": 3600,
          "lease_id": "",
          "renewable": false
        }
        """;

    /// <summary>secret-kv-v2.mdx, read secret version.</summary>
    public const string KvV2Read = """
        {
          "data": {
            "data": {
              "foo": "bar"
            },
            "metadata": {
              "created_time": "2018-03-22T02:24:06.945319214Z",
              "custom_metadata": {
                "owner": "jdoe",
                "mission_critical": "false"
              },
              "deletion_time": "",
              "destroyed": false,
              "version": 2
            }
          }
        }
        """;

    /// <summary>
    /// The KV v2 read of a soft-deleted version: the page's metadata shape with deletion_time set and data null,
    /// as Vault sends it with 404.
    /// </summary>
    public const string KvV2Deleted = """
        {
          "data": {
            "data": null,
            "metadata": {
              "created_time": "2018-03-22T02:24:06.945319214Z",
              "custom_metadata": null,
              "deletion_time": "2018-03-22T02:30:11.182931Z",
              "destroyed": false,
              "version": 3
            }
          }
        }
        """;

    public const string KvV2Destroyed = """
        {"data": {"data": null, "metadata": {"created_time": "2018-03-22T02:24:06Z", "deletion_time": "", "destroyed": true, "version": 1}}}
        """;

    /// <summary>
    /// secret-databases-index.mdx, generate credentials, with the envelope's lease fields that the page's sample
    /// leaves out (lease_id, lease_duration, renewable: index.mdx and concepts-lease.mdx).
    /// </summary>
    public const string DatabaseCreds = """
        {
          "request_id": "b4a7c2a8-93d0-1f5e-1b1c-4a3f3d4b5c6d",
          "lease_id": "database/creds/my-role/2f6a614c-4aa2-7b19-24b9-ad944a8d4de6",
          "renewable": true,
          "lease_duration": 3600,
          "data": {
            "username": "root-1430158508-126",
            "password": "132ae3ef-5a64-7499-351e-bfe59f3a2a21"
          },
          "wrap_info": null,
          "warnings": null,
          "auth": null
        }
        """;

    /// <summary>auth-token.mdx, lookup-self. Its data.id is the token itself.</summary>
    public const string LookupSelf = """
        {
          "data": {
            "accessor": "8609694a-cdbc-db9b-d345-e782dbb562ed",
            "creation_time": 1523979354,
            "creation_ttl": 2764800,
            "display_name": "ldap2-tesla",
            "entity_id": "7d2e3179-f69b-450c-7179-ac8ee8bd8ca9",
            "expire_time": "2018-05-19T11:35:54.466476215-04:00",
            "explicit_max_ttl": 0,
            "id": "cf64a70f-3a12-3f6c-791d-6cef6d390eed",
            "identity_policies": ["dev-group-policy"],
            "issue_time": "2018-04-17T11:35:54.466476078-04:00",
            "meta": {
              "username": "tesla"
            },
            "num_uses": 0,
            "orphan": true,
            "path": "auth/ldap2/login/tesla",
            "policies": ["default", "testgroup2-policy"],
            "renewable": true,
            "ttl": 2764790
          }
        }
        """;

    /// <summary>auth-token.mdx, lookup-accessor: lookup-self's data with <c>id</c> empty and the ttl a little further on.</summary>
    public const string LookupAccessor = """
        {
          "data": {
            "accessor": "8609694a-cdbc-db9b-d345-e782dbb562ed",
            "creation_time": 1523979354,
            "creation_ttl": 2764800,
            "display_name": "ldap2-tesla",
            "entity_id": "7d2e3179-f69b-450c-7179-ac8ee8bd8ca9",
            "expire_time": "2018-05-19T11:35:54.466476215-04:00",
            "explicit_max_ttl": 0,
            "id": "",
            "identity_policies": ["dev-group-policy"],
            "issue_time": "2018-04-17T11:35:54.466476078-04:00",
            "meta": {
              "username": "tesla"
            },
            "num_uses": 0,
            "orphan": true,
            "path": "auth/ldap2/login/tesla",
            "policies": ["default", "testgroup2-policy"],
            "renewable": true,
            "ttl": 2763902
          }
        }
        """;

    /// <summary>sys-leases.mdx, renew lease.</summary>
    public const string LeaseRenew = """
        {
          "lease_id": "auth/userpass/login/user/h5a2...",
          "renewable": true,
          "lease_duration": 2764790
        }
        """;

    /// <summary>sys-leases.mdx, read lease.</summary>
    public const string LeaseLookup = """
        {
          "data": {
            "expire_time": "2024-03-07T20:34:02.005655614+01:00",
            "id": "auth/userpass/login/user/h5a2d7506918f459d022267a3351666b35bd8b5d6d39b0bcfe14927c0e4464225",
            "issue_time": "2024-02-04T20:34:02.005663311+01:00",
            "last_renewal": null,
            "renewable": true,
            "ttl": 2764397
          }
        }
        """;

    /// <summary>vault-1.14-originals/api-sys-leases.mdx, read lease: the same fields at the top level.</summary>
    public const string LeaseLookupTopLevel = """
        {
          "id": "auth/token/create/25c75065466dfc5f920525feafe47502c4c9915c",
          "issue_time": "2017-04-30T10:18:11.228946471-04:00",
          "expire_time": "2017-04-30T11:18:11.228946708-04:00",
          "last_renewal_time": null,
          "renewable": true,
          "ttl": 3558
        }
        """;

    /// <summary>What <c>sys/internal/ui/mounts/:path</c> answers (no reference page; shape from the Vault CLI's preflight).</summary>
    public static string MountInfo(string mount, string type, string? kvVersion) =>
        $$$"""{"data":{"path":"{{{mount}}}","type":"{{{type}}}","options":{{{(kvVersion is null ? "null" : $"{{\"version\":\"{kvVersion}\"}}")}}},"description":""}}""";

    /// <summary>Health bodies for the status codes other than 200.</summary>
    public static string HealthWith(bool initialized, bool sealed_, bool standby, bool performanceStandby = false) =>
        $$"""
        {"initialized":{{Bool(initialized)}},"sealed":{{Bool(sealed_)}},"standby":{{Bool(standby)}},"performance_standby":{{Bool(performanceStandby)}},
         "replication_performance_mode":"disabled","replication_dr_mode":"disabled","server_time_utc":1516639589,"version":"1.14.8",
         "cluster_name":"vault-cluster-6fc973c2","cluster_id":"8190fce1-679e-3a57-7d1f-f63d4851633b"}
        """;

    private static string Bool(bool value) => value ? "true" : "false";
}
