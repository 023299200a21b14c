namespace SecureLaunch.Cli.Output;

/// <summary>The <c>status --output json</c> document: every launch shown, and what could not be read or asked.</summary>
internal sealed record StatusReport(IReadOnlyList<LaunchStatusView> Launches, IReadOnlyList<string> Errors);
