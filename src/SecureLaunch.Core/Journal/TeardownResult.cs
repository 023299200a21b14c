namespace SecureLaunch.Core.Journal;

/// <summary>What a teardown did and what it could not do.</summary>
/// <param name="Remaining">The journal with only what is left; null when everything is gone.</param>
/// <param name="Done">One line per thing removed or revoked.</param>
/// <param name="Problems">One line per thing that could not be, saying what and why (never a value or a token).</param>
public sealed record TeardownResult(LaunchJournal? Remaining, IReadOnlyList<string> Done, IReadOnlyList<string> Problems);
