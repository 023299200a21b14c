using System.Globalization;

namespace SecureLaunch.Cli.Output;

/// <summary>The steps of the block and how the launch's events move them on.</summary>
internal sealed partial class ProgressDisplay
{
    private readonly Step _docker = new("docker");
    private readonly Step _vault = new("vault");
    private readonly Step _auth = new("auth");
    private readonly Step _secrets = new("secrets");
    private readonly Step _containers = new("containers");
    private readonly Step[] _steps;
    private readonly List<string> _secretNames = [];
    private readonly List<string> _createdNames = [];
    private int _secretTotal;
    private int _containerTotal;

    private enum StepState
    {
        Waiting,
        Active,
        Done,
        Failed,
    }

    /// <summary>Moves the steps on for one of the launch's events (see Core's Log); false for an event that is not a step.</summary>
    private bool Advance(string? eventName, IReadOnlyList<KeyValuePair<string, object?>> fields)
    {
        string Field(string key) => Convert.ToString(fields.FirstOrDefault(f => f.Key == key).Value, CultureInfo.InvariantCulture) ?? "?";
        int Number(string key) => int.TryParse(Field(key), CultureInfo.InvariantCulture, out var n) ? n : 0;

        switch (eventName)
        {
            case "LaunchStarting":
                _secretTotal = Number("SecretCount");
                _containerTotal = Number("ContainerCount");
                _docker.Set(StepState.Active, "checking the engine and images");
                _secrets.Detail = $"0/{_secretTotal}";
                _containers.Detail = $"0/{_containerTotal}";
                return true;
            case "UnsealProgress":
                _docker.Set(StepState.Done, "ready");
                _vault.Set(StepState.Active, $"{Field("Address")} unsealing {Field("Progress")}/{Field("Threshold")}");
                return true;
            case "VaultHealthy":
                _docker.Set(StepState.Done, "ready");
                _vault.Set(StepState.Done, $"{Field("Address")} {Field("State")}, version {Field("Version")}");
                _auth.Set(StepState.Active, "logging in");
                return true;
            case "Authenticated":
                _auth.Set(StepState.Done, $"token from {Field("TokenSource")}, policies {Field("Policies")}");
                StartSecrets();
                return true;
            case "LoggedIn":
                _auth.Set(StepState.Done, $"{Field("Method")}, policies {Field("Policies")}, ttl {Field("Seconds")}s");
                StartSecrets();
                return true;
            case "SecretRead" or "SecretLeased":
                _secretNames.Add(Field("Name"));
                var fetched = _secretNames.Count;
                var done = fetched >= _secretTotal;
                _secrets.Set(done ? StepState.Done : StepState.Active, $"{fetched}/{_secretTotal}: {string.Join(", ", _secretNames)}");
                if (done)
                {
                    StartContainers();
                }

                return true;
            case "ContainerCreated":
                // Done once all are created: they start next, and their output and start lines come as plain lines.
                _createdNames.Add(Field("Name"));
                _containers.Set(
                    _createdNames.Count >= _containerTotal ? StepState.Done : StepState.Active,
                    $"{_createdNames.Count}/{_containerTotal} created: {string.Join(", ", _createdNames)}");
                return true;
            default:
                return false;
        }
    }

    private void StartSecrets()
    {
        if (_secretTotal > 0)
        {
            _secrets.State = StepState.Active;
            return;
        }

        _secrets.Set(StepState.Done, "none");
        StartContainers();
    }

    private void StartContainers() => _containers.Set(
        _containerTotal > 0 ? StepState.Active : StepState.Done,
        _containerTotal > 0 ? $"creating 0/{_containerTotal}" : "none");

    private sealed class Step(string label)
    {
        public StepState State { get; set; }

        public string Detail { get; set; } = string.Empty;

        public void Set(StepState state, string detail)
        {
            State = state;
            Detail = detail;
        }

        public string Render()
        {
            var mark = State switch
            {
                StepState.Done => '✓',
                StepState.Failed => '✗',
                StepState.Active => '›',
                _ => '·',
            };
            return $"{mark} {label,-11}{Detail}".TrimEnd();
        }
    }
}
