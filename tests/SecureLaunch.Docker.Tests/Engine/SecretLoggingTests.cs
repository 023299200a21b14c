using SecureLaunch.Docker.Tests.Support;

namespace SecureLaunch.Docker.Tests.Engine;

public sealed class SecretLoggingTests
{
    [Fact(Timeout = 60_000)]
    public async Task Environment_values_never_reach_the_log()
    {
        var logger = new CapturingLogger();
        var secret = $"s3cr3t-{Guid.NewGuid():N}";
        await using (var scope = new EngineScope(logger))
        {
            var spec = scope.Spec("secret", "sh", "-c", "test -n \"$SL_SECRET\"") with
            {
                Environment = new Dictionary<string, string> { ["SL_SECRET"] = secret },
            };

            var result = await scope.RunAsync(spec);
            await Should.ThrowAsync<DockerEngineException>(() => scope.Engine.CreateContainerAsync(spec, EngineScope.Token));

            result.ExitCode.ShouldBe(0);
        }

        logger.Lines.ShouldNotBeEmpty();
        logger.Lines.ShouldAllBe(line => !line.Contains(secret));
    }
}
