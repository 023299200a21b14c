using SecureLaunch.Core.Rotation;
using SecureLaunch.Core.Spec;
using Shouldly;

namespace SecureLaunch.Core.Tests.Rotation;

public sealed class RotationPlanTests
{
    private const string Yaml = """
        version: 1
        secrets:
          db: { path: database/creds/app }
          cert: { path: pki/issue/web, method: POST, data: { common_name: web } }
          stripe: { path: secret/app/stripe, rotate: none }
          nginx: { path: secret/app/nginx, rotate: "signal:HUP" }
        containers:
          web:
            image: busybox:stable
            env: { DB_USER: "{{ db.username }}" }
            files:
              - { target: /run/secrets/db, content: "{{ db.password }}" }
              - { target: /etc/ssl/web.pem, content: "{{ cert.certificate }}{{ cert.private_key }}" }
              - { target: /etc/nginx/extra.conf, content: "{{ nginx.conf }}" }
          worker:
            image: busybox:stable
            env: { KEY: "{{ stripe.api_key }}", NGINX: "{{ nginx.conf }}", DB_USER: "{{ db.username }}" }
            files:
              - { target: /run/secrets/db, content: "{{ db.password }}" }
          plain:
            image: busybox:stable
            files:
              - { target: /run/secrets/db, content: "{{ db.password }}" }
        """;

    private readonly RunSpec _spec = new SpecLoader(new FakeEnvironment()).Load(Yaml, "spec.yaml", "t", []).Spec!;

    private ContainerDefinition Container(string name) => _spec.Containers.Single(c => c.Name == name);

    [Fact]
    public void By_default_a_secret_restarts_the_containers_that_use_it_in_env_and_rewrites_the_files_of_the_others()
    {
        var web = RotationPlan.ActionsFor(Container("web"), _spec.Secrets);
        var plain = RotationPlan.ActionsFor(Container("plain"), _spec.Secrets);

        web["db"].ShouldBe(ConsumerAction.Restart);
        web["cert"].ShouldBe(ConsumerAction.File);
        plain["db"].ShouldBe(ConsumerAction.File);
    }

    [Fact]
    public void An_explicit_rotate_applies_to_every_consumer()
    {
        var web = RotationPlan.ActionsFor(Container("web"), _spec.Secrets);
        var worker = RotationPlan.ActionsFor(Container("worker"), _spec.Secrets);

        web["nginx"].ShouldBe(ConsumerAction.SendSignal("SIGHUP"));
        worker["nginx"].ShouldBe(ConsumerAction.SendSignal("SIGHUP"));
        worker["stripe"].ShouldBe(ConsumerAction.None);
        worker["db"].ShouldBe(ConsumerAction.Restart);
        worker.Keys.ShouldBe(["stripe", "nginx", "db"], ignoreOrder: true);
    }

    [Fact]
    public void Files_are_live_only_where_some_secret_in_them_rotates_by_file_or_signal()
    {
        RotationPlan.NeedsLiveFiles(Container("web"), _spec.Secrets).ShouldBeTrue();
        RotationPlan.NeedsLiveFiles(Container("plain"), _spec.Secrets).ShouldBeTrue();
        RotationPlan.NeedsLiveFiles(Container("worker"), _spec.Secrets).ShouldBeFalse("db is in its env, so it restarts, and a restart re-binds single files");
    }

    [Fact]
    public void Env_that_a_file_or_signal_rotation_cannot_change_is_reported()
    {
        RotationPlan.StaleEnv(Container("worker"), _spec.Secrets).ShouldBe([("nginx", RotationPolicy.SendSignal("SIGHUP"))]);
        RotationPlan.StaleEnv(Container("web"), _spec.Secrets).ShouldBeEmpty();
    }
}
