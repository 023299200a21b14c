using SecureLaunch.Core.Launching;

namespace SecureLaunch.Cli.Output;

/// <summary>
/// Container output to the console while a <see cref="ProgressDisplay"/> is live: the first bytes a container
/// writes leave the block where it stands, so the output is not drawn over. The console streams stay open.
/// </summary>
internal sealed class TerminalContainerOutput(ProgressDisplay display, Stream standardOutput, Stream standardError) : IContainerOutput
{
    public Stream OpenStandardOutput(string container) => new FreezingStream(display, standardOutput);

    public Stream OpenStandardError(string container) => new FreezingStream(display, standardError);

    private sealed class FreezingStream(ProgressDisplay display, Stream inner) : WriteOnlyStream
    {
        private bool _frozen;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (buffer.IsEmpty)
            {
                return;
            }

            if (!_frozen)
            {
                display.Freeze();
                _frozen = true;
            }

            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();
    }
}
