using System.Diagnostics;

namespace SecureLaunch.IntegrationTests.Deploy;

/// <summary>The real <c>securelaunch agent</c> as a child process, so a test can kill it as Swarm would kill a task.</summary>
internal sealed class AgentProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _stderr = new();

    private AgentProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    /// <summary>What the agent logged so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static AgentProcess Start(string keyFile, Uri vault, string owner)
    {
        var start = new ProcessStartInfo(
            Path.Combine(AppContext.BaseDirectory, "securelaunch"),
            ["agent", "--key-file", keyFile, "--vault-addr", vault.ToString(), "--poll", "1s", "--heartbeat", "3s", "--verbose"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("VAULT_TOKEN");
        start.Environment["SECURELAUNCH_AGENT_TASK"] = owner;
        return new AgentProcess(Process.Start(start)!);
    }

    /// <summary>SIGKILL: nothing of the agent runs afterwards, as when its node is lost.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
