using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Host;
using SecureLaunch.Core.Launching;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Swarm;
using SecureLaunch.Vault;
using SecureLaunch.Vault.Auth;

namespace SecureLaunch.Core.Deploy;

/// <summary>
/// The pipeline's side of <c>deploy</c> and <c>undeploy</c>: it never mints a lease. <c>deploy</c> logs in with the
/// pipeline's identity, has Vault create the launch's periodic token through the spec's token role, response-wrapped,
/// seals the wrapping token and the spec to the agent's key in a Swarm config, waits for the agent's answer, and
/// revokes its own login token. The launch token never reaches this process.
/// </summary>
public sealed partial class Deployer
{
    private readonly ISwarmEngine _swarm;
    private readonly ClusterStore _store;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public Deployer(ISwarmEngine swarm, ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(swarm);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        _swarm = swarm;
        _store = new ClusterStore(swarm, time);
        _logger = logger;
        _time = time;
    }

    /// <summary>The hash the agent compares to tell a changed spec from the same one: SHA-256 over the sorted keys and values.</summary>
    public static string SpecHash(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(key.ToLowerInvariant()).Append('\0').Append(value).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>
    /// The outcome when the launch already runs exactly this spec, so there is nothing to hand over (and nothing to
    /// log in for); null when there is something to deploy.
    /// </summary>
    public async Task<DeployOutcome?> FindUnchangedAsync(string name, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var state = await _store.FindStateAsync(name, cancellationToken);
        return state is not null && state.SpecHash == SpecHash(values)
            ? new DeployOutcome(HandoffResult.Unchanged, $"launch {name} ({state.LaunchId}) already runs this spec; nothing changed", null)
            : null;
    }

    /// <summary>Hands the launch to the agent and waits for its answer (see <see cref="FindUnchangedAsync"/> first).</summary>
    /// <exception cref="LaunchException">No agent, the login or token creation refused, the agent's failure (tampering, convergence...), or no answer in time.</exception>
    public async Task<DeployOutcome> DeployAsync(DeployRequest request, IVaultClient vault, ISystemEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(vault);
        var spec = request.Spec;
        var agentKey = await FindAgentAsync(cancellationToken);
        var specHash = SpecHash(request.Values);
        var deploy = spec.Deploy;
        var login = await VaultConnector.LogInAsync(vault, spec.Vault.Auth, environment, cancellationToken) is not null;
        try
        {
            VaultTokenCreation creation;
            try
            {
                creation = await vault.CreateTokenAsync(new VaultTokenRequest
                {
                    RoleName = deploy.Role,
                    Policies = deploy.Policies.Count > 0 ? deploy.Policies : null,
                    DisplayName = $"securelaunch-{spec.Name}",
                    Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["securelaunch-launch"] = spec.Name },
                    WrapTtl = request.WrapTtl,
                }, cancellationToken);
            }
            catch (VaultException ex)
            {
                throw new LaunchException($"{deploy.Location}: vault could not create the launch token through token role '{deploy.Role}': {ex.Message}", ex);
            }

            var wrapped = creation.Wrapped ?? throw new LaunchException($"vault answered the token creation unwrapped; SecureLaunch does not hand a bare token over");
            var handoff = new Handoff
            {
                Kind = HandoffKind.Deploy,
                Name = spec.Name,
                Spec = request.Values,
                Source = request.Source,
                SpecHash = specHash,
                WrappingToken = wrapped.Token,
                WrappingAccessor = wrapped.Accessor,
            };
            try
            {
                var result = await HandOverAsync(handoff, agentKey, request.Timing, cancellationToken);
                return new DeployOutcome(result.Status, result.Reason, wrapped.Accessor);
            }
            catch
            {
                // Whatever the agent did not take over must not live on: the launch token goes by its accessor.
                await RevokeLaunchTokenAsync(vault, wrapped.WrappedAccessor);
                throw;
            }
        }
        finally
        {
            if (login)
            {
                await RevokeOwnTokenAsync(vault);
            }
        }
    }

    /// <summary>Asks the agent to remove the launch <paramref name="name"/> and revoke its leases, and waits for its answer.</summary>
    public async Task<DeployOutcome> UndeployAsync(string name, DeployTiming timing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timing);
        var agentKey = await FindAgentAsync(cancellationToken);
        var result = await HandOverAsync(new Handoff { Kind = HandoffKind.Undeploy, Name = name }, agentKey, timing, cancellationToken);
        return new DeployOutcome(result.Status, result.Reason, null);
    }
}
