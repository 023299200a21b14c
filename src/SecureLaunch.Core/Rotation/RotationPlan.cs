using SecureLaunch.Core.Spec;

namespace SecureLaunch.Core.Rotation;

/// <summary>Which secrets a container uses and what a change of each asks of it: the spec's <c>rotate:</c>, or the default.</summary>
/// <remarks>
/// The default is chosen per container: <c>restart</c> where the secret is used in <c>env</c> (environment variables are
/// read once, at start: the hidden-env init reads its file once and execs the command), <c>file</c> where it is only
/// used in files (rewritten in place; the process reads them again when it likes), except in a container with a read-only
/// root filesystem, where the links that in-place rewriting needs cannot be placed: <c>restart</c> there too.
/// </remarks>
public static class RotationPlan
{
    /// <summary>For each secret <paramref name="container"/> uses (env values or file contents), the action its change asks.</summary>
    public static IReadOnlyDictionary<string, ConsumerAction> ActionsFor(ContainerDefinition container, IReadOnlyList<SecretDefinition> secrets)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(secrets);
        var inEnv = EnvSecrets(container);
        var actions = new Dictionary<string, ConsumerAction>(StringComparer.Ordinal);
        foreach (var name in inEnv.Concat(FileSecrets(container)))
        {
            if (!actions.ContainsKey(name))
            {
                actions[name] = ConsumerAction.For(PolicyOf(name, secrets) ?? (inEnv.Contains(name) || container.ReadOnlyRootFilesystem ? RotationPolicy.Restart : RotationPolicy.File));
            }
        }

        return actions;
    }

    /// <summary>
    /// Whether <paramref name="container"/>'s files must be rewritable while it runs (some secret in them rotates by
    /// <c>file</c> or <c>signal</c>): then they are served from a directory mount through links, not single-file mounts.
    /// </summary>
    public static bool NeedsLiveFiles(ContainerDefinition container, IReadOnlyList<SecretDefinition> secrets)
    {
        ArgumentNullException.ThrowIfNull(container);
        var actions = ActionsFor(container, secrets);
        return FileSecrets(container).Any(s => actions[s].Kind is RotationKind.File or RotationKind.Signal);
    }

    /// <summary>Secrets used in <paramref name="container"/>'s env whose rotation cannot change it (file, signal): their old values stay until a restart.</summary>
    public static IReadOnlyList<(string Secret, RotationPolicy Policy)> StaleEnv(ContainerDefinition container, IReadOnlyList<SecretDefinition> secrets)
    {
        ArgumentNullException.ThrowIfNull(container);
        return [.. EnvSecrets(container)
            .Select(s => (Secret: s, Policy: PolicyOf(s, secrets)))
            .Where(x => x.Policy?.Kind is RotationKind.File or RotationKind.Signal)
            .Select(x => (x.Secret, x.Policy!))];
    }

    private static RotationPolicy? PolicyOf(string secret, IReadOnlyList<SecretDefinition> secrets) =>
        secrets.FirstOrDefault(s => string.Equals(s.Name, secret, StringComparison.Ordinal))?.Rotate;

    private static HashSet<string> EnvSecrets(ContainerDefinition container) =>
        [.. container.Env.SelectMany(v => v.Value.References).Select(r => r.Secret)];

    private static IEnumerable<string> FileSecrets(ContainerDefinition container) =>
        container.Files.SelectMany(f => f.Content.References).Select(r => r.Secret).Distinct(StringComparer.Ordinal);
}
