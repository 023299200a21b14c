namespace SecureLaunch.IntegrationTests;

/// <summary>Polls a condition that takes real time (a rotation, a takeover); a hang guard, not a timing assertion.</summary>
internal static class Eventually
{
    /// <exception cref="TimeoutException"><paramref name="what"/> never happened within <paramref name="limit"/> (90 s by default).</exception>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var deadline = DateTimeOffset.UtcNow + (limit ?? TimeSpan.FromSeconds(90));
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"never happened: {what}");
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }
}
