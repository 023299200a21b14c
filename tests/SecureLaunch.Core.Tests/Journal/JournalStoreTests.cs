using System.Runtime.Versioning;
using SecureLaunch.Core.Journal;
using SecureLaunch.Core.Launching;
using Shouldly;

namespace SecureLaunch.Core.Tests.Journal;

public sealed class JournalStoreTests : IDisposable
{
    private readonly JournalSamples _samples = new();

    private JournalStore Store => _samples.Store;

    [Fact]
    public void A_journal_read_back_equals_the_one_written()
    {
        var written = JournalSamples.Launch() with
        {
            Inherited = [JournalSamples.Launch(launchId: "99887766") with { State = JournalState.Incomplete, Leftovers = ["container x: not removed: gone"] }],
        };

        Store.Write(written);
        var read = Store.Read("hello").ShouldNotBeNull();

        read.Name.ShouldBe("hello");
        read.Launcher.ShouldBe(written.Launcher);
        read.Vault.ShouldBe(written.Vault);
        read.Secrets.ShouldBe(written.Secrets);
        read.Leases.ShouldBe(written.Leases);
        read.Containers.ShouldBe(written.Containers);
        read.FilesDirectory.ShouldBe(written.FilesDirectory);
        var inherited = read.Inherited.ShouldHaveSingleItem();
        inherited.LaunchId.ShouldBe("99887766");
        inherited.State.ShouldBe(JournalState.Incomplete);
        inherited.Leftovers.ShouldBe(["container x: not removed: gone"]);
    }

    [Fact]
    public void The_file_is_json_with_camel_case_names_and_lower_case_states()
    {
        Store.Write(JournalSamples.Launch() with { State = JournalState.Ended });

        var text = File.ReadAllText(Store.PathOf("hello"));

        text.ShouldContain("\"launchId\": \"1a2b3c4d\"");
        text.ShouldContain("\"state\": \"ended\"");
        text.ShouldContain("\"tokenAccessor\": \"8609694acdbcdb9bd345e782\"");
        text.ShouldNotContain("holdsResources", Case.Insensitive);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void The_journal_is_mode_0600_in_a_directory_of_mode_0700()
    {
        Store.Write(JournalSamples.Launch());

        File.GetUnixFileMode(Store.PathOf("hello")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(Store.Directory).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task A_reader_never_sees_half_a_journal_while_it_is_rewritten_and_no_temporary_file_is_left()
    {
        var big = JournalSamples.Launch() with
        {
            Containers = [.. Enumerable.Range(0, 200).Select(i => new JournalResource($"hello-web-{i}", new string('c', 64)))],
        };
        Store.Write(big);
        using var stop = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Store.Read("hello").ShouldNotBeNull().Containers.Count.ShouldBeOneOf(200, 201);
                Interlocked.Increment(ref reads);
            }
        }, TestContext.Current.CancellationToken);

        // At least 300 rewrites, and on until the reader (which a busy machine may start late) has read during them.
        for (var i = 0; (i < 300 || Volatile.Read(ref reads) < 50) && !reader.IsCompleted; i++)
        {
            Store.Write(i % 2 == 0 ? big with { Containers = [.. big.Containers, new JournalResource("extra", "e")] } : big);
        }

        await stop.CancelAsync();
        await reader;
        reads.ShouldBeGreaterThan(0);
        Directory.GetFiles(Store.Directory).ShouldBe([Store.PathOf("hello")]);
    }

    [Fact]
    public void Try_create_refuses_a_name_that_already_has_a_journal()
    {
        Store.TryCreate(JournalSamples.Launch(launchId: "00000001")).ShouldBeTrue();

        Store.TryCreate(JournalSamples.Launch(launchId: "00000002")).ShouldBeFalse();

        Store.Read("hello")!.LaunchId.ShouldBe("00000001");
        Directory.GetFiles(Store.Directory).ShouldBe([Store.PathOf("hello")]);
    }

    [Fact]
    public void A_claim_takes_over_the_journal_of_a_dead_launcher_with_what_it_had_inherited()
    {
        var older = JournalSamples.Launch(launchId: "00000001");
        Store.Write(JournalSamples.Launch(launchId: "00000002") with { Inherited = [older] });

        var claimed = Store.Claim(JournalSamples.Launch(launchId: "00000003", launcher: LauncherProcess.Current()) with { Leases = [], Containers = [] });

        claimed.Inherited.Select(j => j.LaunchId).ShouldBe(["00000002", "00000001"]);
        claimed.Inherited.ShouldAllBe(j => j.Inherited.Count == 0);
        Store.Read("hello")!.LaunchId.ShouldBe("00000003");
        Directory.GetFiles(Store.Directory).ShouldBe([Store.PathOf("hello")]);
    }

    [Fact]
    public void A_claim_is_refused_while_the_launcher_of_the_name_is_alive()
    {
        Store.Write(JournalSamples.Launch(launchId: "00000001", launcher: LauncherProcess.Current()));

        var refused = Should.Throw<LaunchException>(() => Store.Claim(JournalSamples.Launch(launchId: "00000002")));

        refused.Message.ShouldBe(
            $"launch 'hello' is already running (launch 00000001, securelaunch pid {Environment.ProcessId}); stop it first, or run securelaunch down hello");
        Store.Read("hello")!.LaunchId.ShouldBe("00000001");
    }

    [Fact]
    public void A_journal_that_is_not_json_is_refused_with_its_path_and_what_to_do()
    {
        Directory.CreateDirectory(Store.Directory);
        File.WriteAllText(Store.PathOf("hello"), "{ \"name\": ");

        var error = Should.Throw<LaunchException>(() => Store.Read("hello"));

        error.Message.ShouldBe($"launch journal {Store.PathOf("hello")} cannot be read (invalid JSON at line 1); if no launch of that name runs, delete the file");
    }

    [Fact]
    public void Read_all_lists_every_journal_and_reports_those_it_cannot_read()
    {
        Store.Write(JournalSamples.Launch("alpha"));
        Store.Write(JournalSamples.Launch("beta"));
        File.WriteAllText(Path.Combine(Store.Directory, "gamma.json"), "[]");

        var journals = Store.ReadAll(out var errors);

        journals.Select(j => j.Name).ShouldBe(["alpha", "beta"]);
        errors.ShouldHaveSingleItem().ShouldContain("gamma.json cannot be read");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void A_journal_directory_other_users_may_write_to_is_refused()
    {
        Store.Write(JournalSamples.Launch());
        File.SetUnixFileMode(Store.Directory, File.GetUnixFileMode(Store.Directory) | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute | UnixFileMode.OtherRead);

        var error = Should.Throw<LaunchException>(() => Store.Read("hello"));

        error.Message.ShouldBe(
            $"the launch journal directory {Store.Directory} is writable by other users; point SECURELAUNCH_STATE_DIR at a directory only you can write (mode 0700)");
        Should.Throw<LaunchException>(() => Store.ReadAll(out _));
        Should.Throw<LaunchException>(() => Store.Write(JournalSamples.Launch()));
    }

    [Theory]
    [InlineData("/dev/shm/securelaunch/1a2b3c4d", "1a2b3c4d", true)]
    [InlineData("/run/user/1000/securelaunch/1a2b3c4d/", "1a2b3c4d", true)]
    [InlineData("/etc", "etc", false)]
    [InlineData("/home/securelaunch/etc", "etc", false)]
    [InlineData("/tmp/elsewhere/1a2b3c4d", "1a2b3c4d", false)]
    [InlineData("securelaunch/1a2b3c4d", "1a2b3c4d", false)]
    [InlineData("/dev/shm/securelaunch/1a2b3c4d", "99999999", false)]
    public void Only_a_directory_shaped_like_the_launchs_secret_files_is_ever_deleted(string directory, string launchId, bool deleted)
    {
        LaunchTeardown.IsSecretFileDirectory(directory, launchId).ShouldBe(deleted);
    }

    [Fact]
    public void A_name_that_is_not_a_launch_name_cannot_become_a_path()
    {
        Should.Throw<ArgumentException>(() => Store.PathOf("../../etc/passwd"));
    }

    [Theory]
    [InlineData(true, null, null, "/run/securelaunch/launches")]
    [InlineData(false, "/run/user/1000", null, "/run/user/1000/securelaunch/launches")]
    [InlineData(false, null, "/home/tester/.state", "/home/tester/.state/securelaunch/launches")]
    [InlineData(false, null, null, "/home/tester/.local/state/securelaunch/launches")]
    public void The_default_directory_is_under_run_for_root_else_the_users_runtime_or_state_directory(
        bool root, string? runtimeDirectory, string? stateHome, string expected)
    {
        var environment = new FakeEnvironment();
        if (runtimeDirectory is not null)
        {
            environment.With("XDG_RUNTIME_DIR", runtimeDirectory);
        }

        if (stateHome is not null)
        {
            environment.With("XDG_STATE_HOME", stateHome);
        }

        JournalStore.DefaultDirectory(environment, root).ShouldBe(expected);
    }

    [Fact]
    public void Securelaunch_state_dir_overrides_the_default_relative_to_the_current_directory()
    {
        var environment = new FakeEnvironment().With("SECURELAUNCH_STATE_DIR", "state").With("XDG_RUNTIME_DIR", "/run/user/1000");

        JournalStore.DefaultDirectory(environment, privileged: true).ShouldBe("/work/state");
    }

    public void Dispose() => _samples.Dispose();
}
