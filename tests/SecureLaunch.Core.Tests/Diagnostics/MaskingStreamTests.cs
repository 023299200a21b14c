using System.Text;
using SecureLaunch.Core.Diagnostics;
using Shouldly;

namespace SecureLaunch.Core.Tests.Diagnostics;

public sealed class MaskingStreamTests
{
    private static string Pump(IEnumerable<string> secrets, params string[] writes)
    {
        var mask = new SecretMask();
        mask.Set(secrets);
        var sink = new MemoryStream();
        using (var stream = new MaskingStream(sink, mask))
        {
            foreach (var write in writes)
            {
                stream.Write(Encoding.UTF8.GetBytes(write));
            }
        }

        return Encoding.UTF8.GetString(sink.ToArray());
    }

    [Fact]
    public void Secret_values_are_replaced() =>
        Pump(["hunter22"], "password=hunter22\n").ShouldBe("password=*****\n");

    [Fact]
    public void A_value_split_across_writes_is_still_masked() =>
        Pump(["hunter22"], "password=hun", "ter22 ok\n").ShouldBe("password=***** ok\n");

    [Fact]
    public void Text_that_cannot_become_a_secret_is_not_held_back()
    {
        var mask = new SecretMask();
        mask.Set(["hunter22"]);
        var sink = new MemoryStream();
        var stream = new MaskingStream(sink, mask);

        stream.Write("prompt> hun"u8);

        Encoding.UTF8.GetString(sink.ToArray()).ShouldBe("prompt> ");
    }

    [Fact]
    public void The_longer_of_two_overlapping_values_is_masked_whole() =>
        Pump(["abcd", "abcdefgh"], "x abcdefgh y abcd\n").ShouldBe("x ***** y *****\n");

    [Fact]
    public void Values_shorter_than_four_characters_are_not_masked() =>
        Pump(["abc", "true"], "abc is true\n").ShouldBe("abc is *****\n");

    [Fact]
    public void Escape_sequences_around_a_secret_survive() =>
        Pump(["hunter22"], "\u001b[31mhunter22\u001b[0m\n").ShouldBe("\u001b[31m*****\u001b[0m\n");

    [Fact]
    public void A_held_back_prefix_is_written_when_the_stream_completes() =>
        Pump(["hunter22"], "ends with hun").ShouldBe("ends with hun");

    [Fact]
    public void Multibyte_values_are_masked() =>
        Pump(["pässwörd"], "x pässwörd y\n").ShouldBe("x ***** y\n");

    [Fact]
    public void A_value_added_on_rotation_is_masked_from_the_next_write_on()
    {
        var mask = new SecretMask();
        mask.Set(["first-password"]);
        var sink = new MemoryStream();
        using (var stream = new MaskingStream(sink, mask))
        {
            stream.Write("a second-password\n"u8);
            mask.Add(["second-password"]);
            stream.Write("b second-password first-password\n"u8);
        }

        Encoding.UTF8.GetString(sink.ToArray()).ShouldBe("a second-password\nb ***** *****\n");
    }

    [Fact]
    public void A_multi_line_value_printed_with_crlf_line_ends_is_masked_line_by_line() =>
        Pump(["line-one-secret\nline-two-secret"], "line-one-secret\r\nline-two-secret\r\n").ShouldBe("*****\r\n*****\r\n");

    [Fact]
    public void A_value_interrupted_by_an_escape_sequence_is_not_masked_as_documented_in_security_md() =>
        Pump(["hunter22"], "hun\u001b[1mter22\n").ShouldBe("hun\u001b[1mter22\n");

    [Fact]
    public void An_encoded_form_of_a_value_is_not_masked_as_documented_in_security_md() =>
        Pump(["hunter22"], "aHVudGVyMjI=\n").ShouldBe("aHVudGVyMjI=\n");
}
