using System.Text.Json.Nodes;
using Shouldly;
using YamlDotNet.RepresentationModel;

namespace SecureLaunch.DevVault.Tests.Bootstrap;

/// <summary>
/// The real-Vault compose files cannot be run here (no Docker Hub, no compose plugin), so these tests check what can be
/// checked offline: they parse, every file they mount exists, images are pinned, ports bind loopback only, and the
/// Vault configuration they carry is valid JSON with the storage the file promises.
/// </summary>
public sealed class ComposeFileTests
{
    public static TheoryData<string> Files => new("compose.dev.yaml", "compose.consul.yaml");

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_image_is_pinned_every_port_is_loopback_and_every_mounted_file_exists(string file)
    {
        var services = Services(file);

        services.Count.ShouldBeGreaterThan(1);
        foreach (var (name, service) in services)
        {
            Scalar(service, "image").ShouldMatch(@"^[a-z/]+:[0-9][0-9.]*(-alpine)?$", $"{file}: {name}");
            foreach (var port in Sequence(service, "ports"))
            {
                port.ShouldStartWith("127.0.0.1:", customMessage: $"{file}: {name}");
            }

            foreach (var volume in Sequence(service, "volumes").Where(v => v.StartsWith("./", StringComparison.Ordinal)))
            {
                var source = Path.Combine(RepositoryFiles.Root, "vault-dev", volume.Split(':')[0]);
                (File.Exists(source) || Directory.Exists(source)).ShouldBeTrue($"{file}: {name} mounts {volume}");
            }
        }
    }

    [Fact]
    public void The_dev_file_runs_vault_server_dev_and_applies_the_shared_bootstrap_with_bootstrap_sh()
    {
        var services = Services("compose.dev.yaml");

        Sequence(services["vault"], "command").ShouldBe(["server", "-dev"]);
        var bootstrap = services["bootstrap"];
        Sequence(bootstrap, "entrypoint").ShouldBe(["/bin/sh", "/vault-dev/bootstrap.sh", "/vault-dev/bootstrap/examples.txt"]);
        Sequence(bootstrap, "volumes").ShouldBe(["./:/vault-dev:ro"]);
        Scalar(Mapping(bootstrap, "environment"), "VAULT_ADDR").ShouldBe("http://vault:8200");
        Scalar(Mapping(services["vault"], "environment"), "VAULT_DEV_ROOT_TOKEN_ID").ShouldBe(Scalar(Mapping(bootstrap, "environment"), "VAULT_TOKEN"));
    }

    [Fact]
    public void The_consul_file_runs_two_vault_servers_on_consul_storage_each_advertising_its_published_port()
    {
        var services = Services("compose.consul.yaml");

        foreach (var (name, port) in new[] { ("vault-1", "8200"), ("vault-2", "8202") })
        {
            Sequence(services[name], "command").ShouldBe(["server"]);
            Sequence(services[name], "ports").ShouldBe([$"127.0.0.1:{port}:8200"]);
            var config = JsonNode.Parse(Scalar(Mapping(services[name], "environment"), "VAULT_LOCAL_CONFIG"))!;
            config["storage"]!["consul"]!["address"]!.GetValue<string>().ShouldBe("consul:8500");
            config["api_addr"]!.GetValue<string>().ShouldBe($"http://127.0.0.1:{port}");
            config["cluster_addr"]!.GetValue<string>().ShouldBe($"http://{name}:8201");
        }
    }

    private static Dictionary<string, YamlMappingNode> Services(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "vault-dev", file))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return ((YamlMappingNode)root["services"]).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => (YamlMappingNode)p.Value);
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence
            ? [.. sequence.Children.Select(c => ((YamlScalarNode)c).Value!)]
            : [];
}
