using System.Text.Json.Serialization;

namespace SecureLaunch.Core.Journal;

/// <summary>Where a launch is in its life, as its journal says.</summary>
public enum JournalState
{
    /// <summary>The launcher is starting or running the launch (and keeps the journal up to date).</summary>
    [JsonStringEnumMemberName("active")]
    Active,

    /// <summary>The launcher is tearing the launch down.</summary>
    [JsonStringEnumMemberName("stopping")]
    Stopping,

    /// <summary>Ended cleanly with <c>--no-revoke</c>: containers and files are gone, the leases (and the token) were kept on purpose.</summary>
    [JsonStringEnumMemberName("ended")]
    Ended,

    /// <summary>A teardown ran and could not remove everything; <see cref="LaunchJournal.Leftovers"/> says what, <c>down</c> retries.</summary>
    [JsonStringEnumMemberName("incomplete")]
    Incomplete,
}
