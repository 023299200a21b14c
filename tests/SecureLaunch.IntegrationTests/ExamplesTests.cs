using System.Reflection;
using SecureLaunch.Cli;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// Every example in <c>examples/</c> runs as its header says (<c>run --dev</c>, from the repository root) on the
/// real engine, exits 0 and prints each line of its <c>expected.txt</c>.
/// </summary>
public sealed class ExamplesTests
{
    private static readonly string Root = typeof(ExamplesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static TheoryData<string> Examples => new(
        Directory.GetDirectories(Path.Combine(Root, "examples"))
            .Where(d => File.Exists(Path.Combine(d, "securelaunch.yaml")) && File.Exists(Path.Combine(d, "expected.txt")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToArray()!);

    [Fact]
    public void Every_example_has_its_expected_output()
    {
        var specs = Directory.GetDirectories(Path.Combine(Root, "examples")).Where(d => File.Exists(Path.Combine(d, "securelaunch.yaml")));

        specs.ShouldAllBe(d => File.Exists(Path.Combine(d, "expected.txt")));
        Examples.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_example_runs_against_the_dev_vault_and_prints_what_it_promises(string example)
    {
        var spec = Path.Combine("examples", example, "securelaunch.yaml");
        var cli = new CliRun(new TestEnvironment(Root));

        (await cli.RunAsync("run", "--dev", "-f", spec)).ShouldBe(ExitCodes.Success, cli.Stderr);

        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(Root, "examples", example, "expected.txt"), TestContext.Current.CancellationToken))
        {
            cli.Stdout.ShouldContain(line, customMessage: cli.Stderr);
        }
    }
}
