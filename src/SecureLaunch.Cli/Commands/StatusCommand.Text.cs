using System.Globalization;
using SecureLaunch.Cli.Output;
using SecureLaunch.Vault;

namespace SecureLaunch.Cli.Commands;

internal static partial class StatusCommand
{
    private static void WriteText(TextWriter output, IReadOnlyList<LaunchStatusView> launches, DateTimeOffset now, string directory)
    {
        if (launches.Count == 0)
        {
            output.WriteLine($"no launches (journals in {directory})");
            return;
        }

        foreach (var launch in launches)
        {
            output.WriteLine($"{launch.Name}  {launch.Hint ?? launch.Status}");
            output.WriteLine($"  launch      {launch.LaunchId}, securelaunch pid {launch.LauncherPid}{(launch.LauncherAlive ? string.Empty : " (gone)")}, started {At(launch.StartedAt)}, journal updated {At(launch.UpdatedAt)}");
            if (launch.SpecFile is { } spec)
            {
                output.WriteLine($"  spec        {spec}");
            }

            var token = launch.Vault.TokenAccessor is { } accessor
                ? $", token accessor {accessor} ({(launch.Vault.TokenCreated ? launch.Vault.TokenRevoked ? "created by login, revoked" : "created by login" : "given")})"
                : string.Empty;
            output.WriteLine($"  vault       {launch.Vault.Address.TrimEnd('/')}{(launch.Vault.Ephemeral ? " (embedded dev Vault)" : string.Empty)}{token}");
            if (!launch.RevokeOnExit)
            {
                output.WriteLine("  revoke      no (--no-revoke): leases and the token outlive the launch");
            }

            foreach (var container in launch.Containers)
            {
                output.WriteLine($"  container   {container.Name}  {container.State}");
            }

            foreach (var lease in launch.Leases)
            {
                WriteLease(output, lease, now);
            }

            foreach (var secret in launch.Secrets.Where(s => launch.Leases.All(l => l.Secret != s.Name)))
            {
                var next = secret.NextDueAt is { } due ? $", next {secret.NextAction} {In(due, now)}" : string.Empty;
                output.WriteLine($"  secret      {secret.Name}  {secret.Path}  no lease, rotations {secret.Rotations}{next}");
                WriteError(output, secret.LastError, secret.LastErrorAt);
            }

            if (launch.FilesDirectory is { } files)
            {
                output.WriteLine($"  files       {files}");
            }

            foreach (var leftover in launch.Leftovers)
            {
                output.WriteLine($"  left        {leftover}");
            }

            foreach (var inherited in launch.Inherited)
            {
                output.WriteLine($"  inherited   launch {inherited} (crashed earlier) still has leftovers: securelaunch down {launch.Name} once this one ended");
            }
        }
    }

    private static void WriteLease(TextWriter output, LeaseStatusView lease, DateTimeOffset now)
    {
        var left = lease.SecondsLeft > 0 ? $"{Duration(lease.SecondsLeft)} left" : "expired";
        var renewed = lease.LastRenewedAt is { } at ? $", renewed {At(at)}" : ", not renewed yet";
        var next = lease.NextDueAt is { } due ? $", next {lease.NextAction ?? "action"} {In(due, now)}" : string.Empty;
        output.WriteLine(
            $"  lease       {lease.Secret}  {new ShortLeaseId(lease.LeaseId)}  {left} of {Duration(lease.TtlSeconds)}" +
            $"{(lease.Renewable ? string.Empty : " (not renewable)")}{renewed}{next}, rotations {lease.Rotations}");
        WriteError(output, lease.LastError, lease.LastErrorAt);
    }

    private static void WriteError(TextWriter output, string? error, DateTimeOffset? at)
    {
        if (error is not null)
        {
            output.WriteLine($"                last error{(at is { } when ? " " + At(when) : string.Empty)}: {error}");
        }
    }

    private static string At(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string In(DateTimeOffset due, DateTimeOffset now) =>
        due > now ? $"{At(due)} (in {Duration((long)(due - now).TotalSeconds)})" : $"{At(due)} (due)";

    private static string Duration(long seconds) => seconds switch
    {
        < 120 => $"{seconds}s",
        < 7200 => $"{seconds / 60}m{seconds % 60:00}s",
        _ => $"{seconds / 3600}h{seconds % 3600 / 60:00}m",
    };
}
