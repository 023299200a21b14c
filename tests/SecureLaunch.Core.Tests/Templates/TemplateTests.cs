using SecureLaunch.Core.Templates;
using Shouldly;

namespace SecureLaunch.Core.Tests.Templates;

public sealed class TemplateTests
{
    [Fact]
    public void Parses_literals_and_references_in_order()
    {
        var template = Template.Parse("postgres://{{ db.username }}:{{db.password}}@db/app", out var error, out _)!;

        error.ShouldBeNull();
        template.References.ShouldBe([new SecretReference("db", "username"), new SecretReference("db", "password")]);
        template.Render(r => r.Field.ToUpperInvariant()).ShouldBe("postgres://USERNAME:PASSWORD@db/app");
    }

    [Fact]
    public void Text_without_references_renders_unchanged() =>
        Template.Parse("just text", out _, out _)!.Render(_ => throw new InvalidOperationException()).ShouldBe("just text");

    [Theory]
    [InlineData("{{ db.username", 0, "no closing")]
    [InlineData("x {{ db }}", 2, "not a reference")]
    [InlineData("{{ .field }}", 0, "not a reference")]
    [InlineData("{{ db.user name }}", 0, "not a reference")]
    public void Malformed_references_report_error_and_offset(string text, int offset, string message)
    {
        Template.Parse(text, out var error, out var errorOffset).ShouldBeNull();

        error!.ShouldContain(message);
        errorOffset.ShouldBe(offset);
    }

    [Fact]
    public void Fields_may_contain_dots_after_the_secret_name() =>
        Template.Parse("{{ cert.data.certificate }}", out _, out _)!.References.Single().ShouldBe(new SecretReference("cert", "data.certificate"));
}
