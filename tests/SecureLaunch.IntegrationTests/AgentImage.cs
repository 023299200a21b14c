using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// The image of SecureLaunch itself that <c>scripts/agent-image.sh</c> builds (NativeAOT on a minimal rootfs,
/// docker-imported: nothing is pulled), for tests that run SecureLaunch in a container or as a Swarm service.
/// </summary>
/// <remarks>
/// Built once per test run, on first use, into the machine's own daemon. The first build on a checkout publishes with
/// NativeAOT: about 3 minutes of a quiet 2-core machine, several times that on a busy one. Later runs with unchanged
/// sources publish incrementally and find the image already imported (seconds). Every commit changes the version
/// stamped in the binary, so the first run after a commit pays the NativeAOT compile again. The tag is per checkout,
/// so test runs of two worktrees never swap each other's image under the same name.
/// </remarks>
internal static class AgentImage
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(25);

    private static readonly string Root = typeof(AgentImage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary><c>securelaunch:it-HASH</c>, HASH from this checkout's path.</summary>
    public static string Tag { get; } =
        $"securelaunch:it-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Root)))[..10]}";

    private static readonly Lazy<Task> Built = new(() => RunScriptAsync("--tag", Tag));

    /// <summary>Where the script publishes (NativeAOT, linux-x64): the executable and <c>native/sl-init</c>.</summary>
    public static string PublishDirectory => Path.Combine(Root, "artifacts", "agent-image", "publish-aot");

    /// <summary>
    /// Builds the image into the machine's daemon (once per test run) and imports it into each of
    /// <paramref name="hosts"/> (e.g. the cluster's nodes), where it is not already; returns its tag.
    /// </summary>
    public static async Task<string> EnsureAsync(params Uri[] hosts)
    {
        await Built.Value;
        if (hosts.Length > 0)
        {
            await RunScriptAsync(["--tag", Tag, "--publish-dir", PublishDirectory, .. hosts.SelectMany(h => new[] { "--host", h.ToString() })]);
        }

        return Tag;
    }

    private static async Task RunScriptAsync(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await BashScript.RunAsync(Path.Combine(Root, "scripts", "agent-image.sh"), ScriptTimeout, arguments);
        if (exitCode != 0 || !stdout.Contains($"IMAGE={Tag}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"scripts/agent-image.sh {string.Join(' ', arguments)} exited {exitCode}:\n{stderr}");
        }
    }
}
