namespace SecureLaunch.IntegrationTests;

/// <summary>Polls a condition while a run goes on; a hang guard, not a timing assertion.</summary>
internal static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, Task<int> running)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (!condition())
        {
            if (running.IsCompleted)
            {
                throw new InvalidOperationException($"the run ended (exit {await running}) before the condition held");
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
