using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Containers;

namespace SecureLaunch.Core.Rotation;

public sealed partial class ContainerConsumer
{
    /// <summary>Whether new values need a new container: env passed visibly is part of its configuration.</summary>
    private bool MustRecreate => Definition.Exposure == EnvExposure.Config && Definition.Env.Count > 0;

    private async Task RestartAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        string id;
        ContainerAttachment attachment;
        lock (_gate)
        {
            if (_exitSeen == _generation)
            {
                throw new Launching.LaunchException($"container '{Definition.Name}' has already exited on its own; not restarted");
            }

            // Announced before the stop, so the waiter that sees the container exit knows the exit is ours.
            _generation++;
            _restart = done.Task;
            (id, attachment) = (_id, _attachment);
        }

        var restarted = false;
        try
        {
            Log.ContainerRotationRestarting(_context.Logger, Definition.Name, (int)Math.Ceiling(_context.StopGrace.TotalSeconds));
            await _context.Docker.StopContainerAsync(id, _context.StopGrace, cancellationToken);
            await DrainAsync(attachment);
            var rendered = Rewrite();
            if (MustRecreate)
            {
                await _context.Docker.RemoveContainerAsync(id, cancellationToken);
                id = await _context.Docker.CreateContainerAsync(rendered, cancellationToken);
                _context.Track(rendered.Name, id);
            }

            var fresh = await _context.Docker.AttachAsync(id, _stdout, _stderr, cancellationToken);
            lock (_gate)
            {
                (_id, _attachment) = (id, fresh);
            }

            await _context.Docker.StartContainerAsync(id, cancellationToken);
            restarted = true;
            Log.ContainerRotationRestarted(_context.Logger, Definition.Name, rendered.Name);
        }
        finally
        {
            if (!restarted)
            {
                Log.RestartAbandoned(_context.Logger, Definition.Name);
            }

            done.SetResult(restarted);
        }
    }

    /// <summary>Lets the old attachment finish copying what the container wrote before it stopped, then closes it.</summary>
    private async Task DrainAsync(ContainerAttachment attachment)
    {
        try
        {
            await attachment.Completion;
        }
        catch (Exception ex) when (ex is DockerEngineException or OperationCanceledException or IOException)
        {
            // A broken stream loses only the tail of the old run's output.
        }

        await attachment.DisposeAsync();

        // What was held back could only have become a secret with bytes that will never come.
        _stdout.Complete();
        _stderr.Complete();
    }
}
