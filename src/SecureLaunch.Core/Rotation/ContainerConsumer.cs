using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Containers;

namespace SecureLaunch.Core.Rotation;

/// <summary>
/// One container of a launch, from creation to its final exit, as rotation sees it: it knows the secrets it uses and
/// applies an action to itself (rewrite its files, signal it, restart it), keeping its output attached and masked
/// across restarts. <see cref="WaitForExitAsync"/> ends only when the container exits on its own: a stop made by a
/// rotation restart is not an exit.
/// </summary>
/// <remarks>
/// A restart stops the container with grace, rewrites its files and hidden-env file, attaches again (before the start,
/// so no output is lost) and starts the same container: bind mounts are resolved again at each start, and the init reads
/// the new env file. A container whose env is passed visibly (<c>exposure: config</c>) has its values in its
/// configuration, which no start changes: it is removed and created anew under the same name.
/// </remarks>
public sealed partial class ContainerConsumer : IRotationTarget
{
    private readonly ConsumerContext _context;
    private readonly RenderRequest _request;
    private readonly object _gate = new();
    private readonly MaskingStream _stdout;
    private readonly MaskingStream _stderr;
    private string _id;
    private ContainerAttachment _attachment;
    private int _generation;
    private int _exitSeen = -1;
    private Task<bool> _restart = Task.FromResult(true);

    private ContainerConsumer(ConsumerContext context, RenderRequest request, ContainerSpec created, string id, ContainerAttachment attachment, MaskingStream stdout, MaskingStream stderr)
    {
        _context = context;
        _request = request;
        _id = id;
        _attachment = attachment;
        _stdout = stdout;
        _stderr = stderr;
        DockerName = created.Name;
        IsolationText = created.Runtime ?? created.Isolation ?? "default runtime";
        Uses = RotationPlan.ActionsFor(request.Container, request.Spec.Secrets);
    }

    /// <summary>The container as the spec declares it.</summary>
    public ContainerDefinition Definition => _request.Container;

    /// <summary>The container's id now (a re-creation changes it).</summary>
    public string Id
    {
        get
        {
            lock (_gate)
            {
                return _id;
            }
        }
    }

    /// <summary>Its name in <c>docker ps</c>.</summary>
    public string DockerName { get; }

    /// <summary>The runtime or isolation it runs with, for the log.</summary>
    public string IsolationText { get; }

    /// <inheritdoc/>
    public string Name => $"container {Definition.Name}";

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, ConsumerAction> Uses { get; }

    /// <summary>Creates the container from <paramref name="rendered"/>, tracks it, and attaches to its output; does not start it.</summary>
    public static async Task<ContainerConsumer> CreateAsync(ConsumerContext context, RenderRequest request, ContainerSpec rendered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rendered);
        var id = await context.Docker.CreateContainerAsync(rendered, cancellationToken);
        context.Track(rendered.Name, id);
        var name = request.Container.Name;
        var output = context.ContainerOutput;
        var stdout = output is null ? new MaskingStream(context.StandardOutput, context.Mask) : new MaskingStream(output.OpenStandardOutput(name), context.Mask, leaveOpen: false);
        var stderr = output is null ? new MaskingStream(context.StandardError, context.Mask) : new MaskingStream(output.OpenStandardError(name), context.Mask, leaveOpen: false);
        var attachment = await context.Docker.AttachAsync(id, stdout, stderr, cancellationToken);
        return new ContainerConsumer(context, request, rendered, id, attachment, stdout, stderr);
    }

    /// <summary>
    /// Waits until the container exits on its own and its output is drained, across any number of rotation restarts,
    /// and returns its exit code. A restart that fails leaves the container stopped: its last exit code is returned.
    /// </summary>
    public async Task<long> WaitForExitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            string id;
            ContainerAttachment attachment;
            int generation;
            lock (_gate)
            {
                (id, attachment, generation) = (_id, _attachment, _generation);
            }

            long code;
            try
            {
                code = await _context.Docker.WaitContainerAsync(id, cancellationToken);
            }
            catch (DockerEngineException) when (RestartedSince(generation))
            {
                // Removed by a re-creation before the wait began: follow the new container.
                await RestartTask();
                continue;
            }

            lock (_gate)
            {
                // From here a rotation leaves this run alone: it ended by itself, and restarting it would run its work again.
                _exitSeen = generation;
            }

            try
            {
                await attachment.Completion.WaitAsync(cancellationToken);
            }
            catch (Exception) when (RestartedSince(generation) && !cancellationToken.IsCancellationRequested)
            {
                // The restart closed this attachment; the next run has its own.
            }

            if (RestartedSince(generation) && await RestartTask())
            {
                continue;
            }

            _stdout.Complete();
            _stderr.Complete();
            return code;
        }
    }

    /// <summary>Starts the created container for the first time.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => _context.Docker.StartContainerAsync(Id, cancellationToken);

    /// <summary>
    /// Starts the container again after it exited on its own and its restart policy asks for another run: attached
    /// anew before the start, so no line of the new run is lost, and open to rotation restarts again.
    /// </summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        string id;
        ContainerAttachment previous;
        lock (_gate)
        {
            (id, previous) = (_id, _attachment);
        }

        await previous.DisposeAsync();
        var fresh = await _context.Docker.AttachAsync(id, _stdout, _stderr, cancellationToken);
        lock (_gate)
        {
            _attachment = fresh;
            _exitSeen = -1;
        }

        await _context.Docker.StartContainerAsync(id, cancellationToken);
    }

    /// <summary>The container is done for good: its output streams are flushed and closed (a last line without a newline is written).</summary>
    public async Task CompleteOutputAsync()
    {
        ContainerAttachment attachment;
        lock (_gate)
        {
            attachment = _attachment;
        }

        await attachment.DisposeAsync();
        await _stdout.DisposeAsync();
        await _stderr.DisposeAsync();
    }

    /// <inheritdoc/>
    public Task ApplyAsync(ConsumerAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Kind switch
        {
            RotationKind.Restart => RestartAsync(cancellationToken),
            RotationKind.Signal => SignalAsync(action.Signals, cancellationToken),
            RotationKind.File => Task.Run(Rewrite, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>Rewrites the files and the hidden-env file with the set's current values (each atomically); returns the spec to create from.</summary>
    private ContainerSpec Rewrite() => ContainerRenderer.Render(_request);

    private async Task SignalAsync(IReadOnlyList<string> signals, CancellationToken cancellationToken)
    {
        Rewrite();
        foreach (var signal in signals)
        {
            await _context.Docker.SignalContainerAsync(Id, signal, cancellationToken);
        }
    }

    private bool RestartedSince(int generation)
    {
        lock (_gate)
        {
            return _generation != generation;
        }
    }

    private Task<bool> RestartTask()
    {
        lock (_gate)
        {
            return _restart;
        }
    }
}
