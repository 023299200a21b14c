namespace SecureLaunch.Vault.Tests.Fakes;

/// <summary>Sample responses of the auth pages (shared/reference/vault-api/auth-*.mdx), copied as printed.</summary>
internal static class AuthSamples
{
    /// <summary>auth-approle.mdx, login with AppRole.</summary>
    public const string AppRoleLogin = """
        {
          "auth": {
            "renewable": true,
            "lease_duration": 1200,
            "metadata": null,
            "token_policies": ["default"],
            "accessor": "fd6c9a00-d2dc-3b11-0be5-af7ae0e1d374",
            "client_token": "5b1a0318-679c-9c45-e5c6-d1b9a9035d49"
          },
          "warnings": null,
          "wrap_info": null,
          "data": null,
          "lease_duration": 0,
          "renewable": false,
          "lease_id": ""
        }
        """;

    /// <summary>auth-approle.mdx, generate new secret ID: what a wrapping token around it unwraps to.</summary>
    public const string AppRoleSecretId = """
        {
          "auth": null,
          "warnings": null,
          "wrap_info": null,
          "data": {
            "secret_id_accessor": "84896a0c-1347-aa90-a4f6-aca8b7558780",
            "secret_id": "841771dc-11c9-bbc7-bcac-6a3945a69cd9",
            "secret_id_ttl": 600,
            "secret_id_num_uses": 50
          },
          "lease_duration": 0,
          "renewable": false,
          "lease_id": ""
        }
        """;

    /// <summary>auth-userpass.mdx, login.</summary>
    public const string UserpassLogin = """
        {
          "request_id": "ae1882ba-f60a-7629-ce1a-6618c482de3e",
          "lease_id": "",
          "renewable": false,
          "lease_duration": 0,
          "data": null,
          "wrap_info": null,
          "warnings": null,
          "auth": {
            "client_token": "hvs.CAESIJyeFmhLYRWVXPJStT3fDP1ZdFkon_otuk1sJUpkfk_WGh4KHGh2cy5xdW9XVHBnVUwwbzB1ZEhzZkpkRmVoU08",
            "accessor": "iP2Lw1JXpjlALbgJSeIx51n7",
            "policies": [
              "default",
              "policy1",
              "policy2"
            ],
            "token_policies": [
              "default",
              "policy1",
              "policy2"
            ],
            "metadata": {
              "username": "mitchellh"
            },
            "lease_duration": 2764800,
            "renewable": true,
            "entity_id": "0660dce5-4f2c-926a-8b15-158901557d9d",
            "token_type": "service",
            "orphan": true,
            "mfa_requirement": null,
            "num_uses": 0
          }
        }
        """;

    /// <summary>auth-jwt.mdx, JWT login: the page elides the envelope with "...", left out here.</summary>
    public const string JwtLogin = """
        {
            "auth":{
                "client_token":"f33f8c72-924e-11f8-cb43-ac59d697597c",
                "accessor":"0e9e354a-520f-df04-6867-ee81cae3d42d",
                "policies":[
                    "default",
                    "dev",
                    "prod"
                ],
                "lease_duration":2764800,
                "renewable":true
            }
        }
        """;

    /// <summary>auth-kubernetes.mdx, login.</summary>
    public const string KubernetesLogin = """
        {
          "auth": {
            "client_token": "62b858f9-529c-6b26-e0b8-0457b6aacdb4",
            "accessor": "afa306d0-be3d-c8d2-b0d7-2676e1c0d9b4",
            "policies": ["default"],
            "metadata": {
              "role": "test",
              "service_account_name": "openbao-auth",
              "service_account_namespace": "default",
              "service_account_secret_name": "openbao-auth-token-pd21c",
              "service_account_uid": "aa9aa8ff-98d0-11e7-9bb7-0800276d99bf"
            },
            "lease_duration": 2764800,
            "renewable": true
          }
        }
        """;

    /// <summary>auth-token.mdx, renew a token (self).</summary>
    public const string RenewSelf = """
        {
          "auth": {
            "client_token": "ABCD",
            "policies": ["web", "stage"],
            "metadata": {
              "user": "armon"
            },
            "lease_duration": 3600,
            "renewable": true
          }
        }
        """;
}
