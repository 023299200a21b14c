using Microsoft.Extensions.Logging;

namespace SecureLaunch.Core.Diagnostics;

/// <summary>The launch journal's log lines (ids 400-449): paths, names, launch ids and counts; never a value or a token.</summary>
internal static partial class Log
{
    [LoggerMessage(400, LogLevel.Debug, "launch {Name}: journal {Path}")]
    public static partial void JournalOpened(ILogger logger, string name, string path);

    [LoggerMessage(401, LogLevel.Warning, "could not update the launch journal {Path}: {Reason}; status and down may miss the latest changes")]
    public static partial void JournalWriteFailed(ILogger logger, string path, string reason);

    [LoggerMessage(402, LogLevel.Warning, "could not delete the launch journal {Path}: {Reason}")]
    public static partial void JournalDeleteFailed(ILogger logger, string path, string reason);

    [LoggerMessage(403, LogLevel.Information, "launch {Name}: the earlier launch {LaunchId} (securelaunch pid {Pid}) is not running any more; cleaning up what it left")]
    public static partial void TakingOver(ILogger logger, string name, string launchId, int pid);

    [LoggerMessage(404, LogLevel.Information, "launch {Name}: earlier launch {LaunchId}: {What}")]
    public static partial void PredecessorCleaned(ILogger logger, string name, string launchId, string what);

    [LoggerMessage(405, LogLevel.Warning, "launch {Name}: earlier launch {LaunchId}: {Problem}; kept in the journal for securelaunch down {Name}")]
    public static partial void PredecessorLeftover(ILogger logger, string name, string launchId, string problem);

    [LoggerMessage(406, LogLevel.Information, "--no-revoke: {Count} lease(s){AndToken} outlive the launch; securelaunch down {Name} revokes them")]
    public static partial void LeasesKept(ILogger logger, int count, string andToken, string name);

    [LoggerMessage(407, LogLevel.Warning, "launch {Name}: not everything could be removed; the journal {Path} keeps it: run securelaunch down {Name}")]
    public static partial void JournalKeptIncomplete(ILogger logger, string name, string path);
}
