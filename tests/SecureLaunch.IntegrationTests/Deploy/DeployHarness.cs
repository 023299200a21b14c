using System.Net.Http.Json;
using System.Security.Cryptography;
using SecureLaunch.Core.Deploy;
using SecureLaunch.Core.Launching;
using SecureLaunch.DevVault;
using SecureLaunch.Docker;

namespace SecureLaunch.IntegrationTests.Deploy;

/// <summary>
/// A dev Vault set up for deploy (a JWT role for the pipeline, a periodic orphan token role for launches, policies),
/// the real single-node swarm, and an agent key published in it. Removes everything of its launch at the end.
/// </summary>
internal sealed class DeployHarness : IAsyncDisposable
{
    public const string Seed = """
        dev:
          kv: { secret/app/stripe: { api_key: sk_live_51DeployedByAgent } }
          database: { roles: { app: { ttl: 20s, maxTtl: 45s } } }
          policies:
            app: |
              path "secret/data/app/*" { capabilities = ["read"] }
              path "database/creds/app" { capabilities = ["read"] }
              path "sys/leases/renew" { capabilities = ["update"] }
              path "sys/leases/revoke" { capabilities = ["update"] }
            deployer: |
              path "secret/data/app/*" { capabilities = ["read"] }
              path "database/creds/app" { capabilities = ["read"] }
              path "sys/leases/renew" { capabilities = ["update"] }
              path "sys/leases/revoke" { capabilities = ["update"] }
              path "auth/token/create/securelaunch-deploy" { capabilities = ["update"] }
              path "auth/token/revoke-accessor" { capabilities = ["update"] }
            narrow: |
              path "secret/data/app/*" { capabilities = ["read"] }
        """;

    private readonly RSA _jwtKey;

    private DeployHarness(LaunchFixture fixture, RSA jwtKey, AgentKey agentKey, string keyFile)
    {
        Fixture = fixture;
        _jwtKey = jwtKey;
        AgentKey = agentKey;
        KeyFile = keyFile;
    }

    public LaunchFixture Fixture { get; }

    /// <summary>The test cluster deployed to; null for the machine's own swarm.</summary>
    public Swarm.SwarmCluster? Cluster { get; private init; }
    public AgentKey AgentKey { get; }

    /// <summary>The agent's private key, where a test agent reads it (a Swarm task reads it from its secret's tmpfs).</summary>
    public string KeyFile { get; }

    /// <param name="pipelineTokenTtl">How long the pipeline's JWT login token lives.</param>
    /// <param name="cluster">
    /// The three-node test cluster to deploy to, with the dev Vault on the host's address there; null for the machine's
    /// single-node swarm with the agent as a local process (this harness then publishes the agent key itself).
    /// </param>
    public static async Task<DeployHarness> StartAsync(TimeSpan pipelineTokenTtl, Swarm.SwarmCluster? cluster = null)
    {
        var jwtKey = RSA.Create(2048);
        var fixture = await LaunchFixture.StartAsync(Seed, seed => seed with
        {
            Jwt = new DevJwtConfig
            {
                ValidationPublicKeys = [jwtKey.ExportSubjectPublicKeyInfoPem()],
                Roles = new Dictionary<string, DevJwtRole>
                {
                    ["ci"] = new("sub") { BoundAudiences = ["vault"], Token = new DevTokenSettings { Policies = ["deployer"], Ttl = pipelineTokenTtl } },
                    ["ci-narrow"] = new("sub") { BoundAudiences = ["vault"], Token = new DevTokenSettings { Policies = ["narrow"], Ttl = pipelineTokenTtl } },
                },
            },
        }, cluster is null ? null : $"{cluster.HostAddress}:0", cluster?.ManagerEndpoint);
        using (var http = new HttpClient { BaseAddress = fixture.Vault.Address })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/auth/token/roles/securelaunch-deploy")
            {
                Content = JsonContent.Create(new Dictionary<string, object> { ["allowed_policies"] = new[] { "app" }, ["orphan"] = true, ["token_period"] = "1h" }),
            };
            request.Headers.Add("X-Vault-Token", fixture.Vault.RootToken);
            (await http.SendAsync(request, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        var agentKey = AgentKey.Generate();
        if (cluster is null)
        {
            await new ClusterStore(fixture.Docker, TimeProvider.System).PublishKeyAsync(agentKey, TestContext.Current.CancellationToken);
        }

        var keyFile = Path.Combine("/dev/shm", $"securelaunch-agent-key-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyFile, agentKey.ExportPrivateKeyPem(), TestContext.Current.CancellationToken);
        return new DeployHarness(fixture, jwtKey, agentKey, keyFile) { Cluster = cluster };
    }

    /// <summary>A CI job's JWT, as a pipeline gets it from its CI system.</summary>
    public string Jwt() => SecureLaunch.TestKit.TestJwts.Mint(_jwtKey, "repo:acme/app", "vault");

    /// <summary>A services-only spec logging in with the pipeline's JWT (<c>CI_JOB_JWT</c>).</summary>
    /// <param name="jwtRole">The pipeline's JWT role.</param>
    /// <param name="marker">What the task prints once it read its secret file.</param>
    /// <param name="service">More keys of the service, indented as its own (e.g. replicas, constraints).</param>
    public string Spec(string jwtRole = "ci", string marker = "v1", string service = "") => $$$"""
        version: 1
        name: {{{Fixture.Name}}}
        vault:
          auth: { method: jwt, role: {{{jwtRole}}}, jwtEnv: CI_JOB_JWT }
        deploy:
          role: securelaunch-deploy
          policies: [app]
        secrets:
          stripe: { path: secret/app/stripe }
          db: { path: database/creds/app, rotate: restart }
        services:
          api:
            image: busybox:stable
            command: ["sh", "-c", "v=$$(cat /run/secrets/api_key); [ \"$${v#sk_live_}\" = 51DeployedByAgent ] && echo file-arrived-{{{marker}}}; exec sleep 600"]
            secrets:
              - { target: api_key, content: "{{ stripe.api_key }}" }
              - { target: db_password, content: "{{ db.password }}" }
        {{{service}}}
        """;

    /// <summary>The pipeline's environment: the dev Vault's address and the job's JWT, no Vault token.</summary>
    public TestEnvironment Pipeline(string directory)
    {
        var variables = new Dictionary<string, string>
        {
            ["VAULT_ADDR"] = Fixture.Vault.Address.ToString(),
            ["CI_JOB_JWT"] = Jwt(),
            ["SECURELAUNCH_STATE_DIR"] = Fixture.StateDirectory,
        };
        if (Cluster is not null)
        {
            variables["DOCKER_HOST"] = Cluster.ManagerEndpoint.ToString();
        }

        return new(directory, variables);
    }

    public AgentProcess StartAgent(string owner) => AgentProcess.Start(KeyFile, Fixture.Vault.Address, owner);

    public IReadOnlyDictionary<string, string> Labels => new Dictionary<string, string> { [LaunchLabels.Name] = Fixture.Name };

    public async ValueTask DisposeAsync()
    {
        var token = CancellationToken.None;
        var docker = Fixture.Docker;
        foreach (var service in await docker.ListServicesAsync(Labels, token))
        {
            await docker.RemoveServiceAsync(service.Id, token);
        }

        foreach (var config in await docker.ListConfigsAsync(Labels, token))
        {
            await docker.RemoveConfigAsync(config.Id, token);
        }

        foreach (var config in await docker.ListConfigsAsync(DeployLabels.OfRole(DeployLabels.AgentKeyRole), token))
        {
            await docker.RemoveConfigAsync(config.Id, token);
        }

        await Task.Delay(TimeSpan.FromSeconds(2), token);
        foreach (var secret in await docker.ListSecretsAsync(Labels, token))
        {
            try
            {
                await docker.RemoveSecretAsync(secret.Id, token);
            }
            catch (DockerEngineException)
            {
                // Still in use by a task going away; the engine is shared, so try and move on.
            }
        }

        File.Delete(KeyFile);
        AgentKey.Dispose();
        _jwtKey.Dispose();
        await Fixture.DisposeAsync();
    }
}
