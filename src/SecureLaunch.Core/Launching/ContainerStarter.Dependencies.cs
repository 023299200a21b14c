using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Core.Launching;

/// <summary>Waiting for Compose's <c>depends_on</c> conditions.</summary>
internal sealed partial class ContainerStarter
{
    /// <summary>How often a dependency's health is read while a container waits for it to be healthy.</summary>
    private static readonly TimeSpan HealthPoll = TimeSpan.FromMilliseconds(250);

    private async Task WaitForAsync(ContainerRun dependent, ContainerRun dependency, DependencyCondition condition, CancellationToken cancellationToken)
    {
        var (name, target) = (dependent.Container.Definition.Name, dependency.Container.Definition.Name);
        Log.WaitingForDependency(_logger, name, target, condition switch
        {
            DependencyCondition.Healthy => "service_healthy",
            DependencyCondition.CompletedSuccessfully => "service_completed_successfully",
            _ => "service_started",
        });
        switch (condition)
        {
            case DependencyCondition.Started:
                await dependency.Started.Task.WaitAsync(cancellationToken);
                Log.DependencyMet(_logger, name, target, "started");
                break;
            case DependencyCondition.CompletedSuccessfully:
                var code = await dependency.Exited.Task.WaitAsync(cancellationToken);
                if (code != 0)
                {
                    throw new LaunchException($"container '{name}' was not started: '{target}' exited with code {code}, and '{name}' waits for it to complete successfully");
                }

                Log.DependencyMet(_logger, name, target, "completed successfully");
                break;
            case DependencyCondition.Healthy:
                await WaitHealthyAsync(name, dependency, cancellationToken);
                break;
        }
    }

    private async Task WaitHealthyAsync(string name, ContainerRun dependency, CancellationToken cancellationToken)
    {
        var target = dependency.Container.Definition.Name;
        await dependency.Started.Task.WaitAsync(cancellationToken);
        while (true)
        {
            var state = await _docker.InspectContainerAsync(dependency.Container.Id, cancellationToken);
            switch (state.Health)
            {
                case "healthy":
                    Log.DependencyMet(_logger, name, target, "healthy");
                    return;
                case "unhealthy":
                    throw new LaunchException($"container '{name}' was not started: '{target}' is unhealthy, and '{name}' waits for it to be healthy");
                case null when state.Status != "created":
                    throw new LaunchException($"container '{name}' was not started: '{target}' has no healthcheck, and '{name}' waits for it to be healthy");
            }

            if (!state.Running && state.Status != "created")
            {
                throw new LaunchException($"container '{name}' was not started: '{target}' exited with code {state.ExitCode} before it was healthy");
            }

            await Task.Delay(HealthPoll, _time, cancellationToken);
        }
    }
}
