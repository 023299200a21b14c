using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using SecureLaunch.Docker.Logging;

namespace SecureLaunch.Docker.Images;

/// <summary>
/// Reads the progress stream of a pull. Once the daemon has started streaming, a failed pull still answers
/// 200 and reports the error as a message in the stream, so the error is kept here for the caller to check.
/// </summary>
/// <remarks>
/// Reports synchronously on purpose: <see cref="Progress{T}"/> posts to the thread pool, so its last
/// report (the error) could arrive after the pull call has returned.
/// </remarks>
internal sealed class PullProgress(ILogger logger, string image) : IProgress<JSONMessage>
{
    private string? _lastStatus;

    /// <summary>The first error the daemon reported in the stream, or null.</summary>
    public string? Error { get; private set; }

    public void Report(JSONMessage value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!string.IsNullOrWhiteSpace(value.Error?.Message))
        {
            Error ??= value.Error.Message.Trim();
            return;
        }

        // Layer progress ticks share their status ("Downloading"); log each distinct line once.
        var status = string.IsNullOrEmpty(value.ID) ? value.Status : $"{value.ID}: {value.Status}";
        if (!string.IsNullOrWhiteSpace(status) && status != _lastStatus)
        {
            _lastStatus = status;
            Log.PullStatus(logger, image, status);
        }
    }
}
