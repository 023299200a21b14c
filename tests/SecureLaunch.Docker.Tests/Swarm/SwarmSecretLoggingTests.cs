using SecureLaunch.Docker.Swarm;
using SecureLaunch.Docker.Tests.Support;

namespace SecureLaunch.Docker.Tests.Swarm;

public sealed class SwarmSecretLoggingTests
{
    [Fact(Timeout = 60_000)]
    public async Task Secret_data_and_env_values_reach_neither_the_log_nor_an_error_message()
    {
        var logger = new CapturingLogger();
        var value = $"s3cr3t-{Guid.NewGuid():N}";
        DockerEngineException error;
        await using (var scope = new SwarmScope(logger))
        {
            var secret = await scope.CreateSecretAsync("log", value);
            var spec = scope.Service("log", "exec sleep 300") with
            {
                Replicas = 0,
                Environment = new Dictionary<string, string> { ["SL_VISIBLE_BY_CHOICE"] = value },
                Secrets = [new SwarmFileReference(secret.Id, secret.Name, "log", 0, 0, UnixFileMode.UserRead)],
            };
            await scope.Engine.CreateServiceAsync(spec, SwarmScope.Token);
            error = await Should.ThrowAsync<DockerEngineException>(() => scope.Engine.CreateServiceAsync(spec, SwarmScope.Token));
            await Should.ThrowAsync<DockerEngineException>(() => scope.Engine.CreateSecretAsync(
                new NewSwarmObject { Name = secret.Name, Data = System.Text.Encoding.UTF8.GetBytes(value), Labels = scope.Labels }, SwarmScope.Token));
        }

        error.Message.ShouldContain("already exists");
        error.ToString().ShouldNotContain(value);
        logger.Lines.ShouldNotBeEmpty();
        logger.Lines.ShouldAllBe(line => !line.Contains(value));
    }
}
