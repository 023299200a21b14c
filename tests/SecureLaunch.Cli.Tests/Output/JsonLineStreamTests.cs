using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SecureLaunch.Cli.Output;
using Shouldly;

namespace SecureLaunch.Cli.Tests.Output;

public sealed class JsonLineStreamTests
{
    private static IReadOnlyList<string> Lines(params string[] writes)
    {
        var stdout = new MemoryStream();
        using (var stream = new JsonLineStream(new JsonEventWriter(stdout, new FakeTimeProvider()), "web", "stderr"))
        {
            foreach (var write in writes)
            {
                stream.Write(Encoding.UTF8.GetBytes(write));
            }
        }

        return [.. Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l =>
        {
            var root = JsonDocument.Parse(l).RootElement;
            root.GetProperty("event").GetString().ShouldBe("output");
            root.GetProperty("container").GetString().ShouldBe("web");
            root.GetProperty("stream").GetString().ShouldBe("stderr");
            return root.GetProperty("line").GetString()!;
        })];
    }

    [Fact]
    public void Lines_split_across_writes_are_joined_and_line_ends_dropped() =>
        Lines("one tw", "o\r\nthree\n", "\n").ShouldBe(["one two", "three", string.Empty]);

    [Fact]
    public void A_last_line_without_a_newline_is_written_when_the_output_ends() =>
        Lines("prompt> ").ShouldBe(["prompt> "]);

    [Fact]
    public void Escape_sequences_are_kept_as_written() =>
        Lines("\u001b[31mred\u001b[0m\n").ShouldBe(["\u001b[31mred\u001b[0m"]);

    [Fact]
    public void A_line_longer_than_the_limit_is_cut_there()
    {
        var lines = Lines(new string('x', JsonLineStream.MaxLineBytes + 10) + "\n");

        lines.Select(l => l.Length).ShouldBe([JsonLineStream.MaxLineBytes, 10]);
    }
}
