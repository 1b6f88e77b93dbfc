using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using Ces.Grains.Compiler;
using Ces.Grains.Explain;
using Ces.Silo.Manifests;

namespace Ces.Silo.Cli;

/// <summary><c>ces explain</c>: can this pod reach that host:port, which rule decides, and what it compiled to; offline or against a running CES.</summary>
public static class ExplainCommand
{
    public const int Unanswerable = 1;
    public const int ServerUnreachable = 3;

    public static Command Build()
    {
        var from = new Option<string>("--from") { Description = "The source: NAMESPACE/POD, or an IP (IP%RD for a route domain)", Required = true };
        var to = new Option<string>("--to") { Description = "The destination: IP|FQDN:PORT/PROTO, e.g. 211.6.6.7:3306/tcp or www.example.com:443/tcp", Required = true };
        var config = new Option<FileInfo?>("--config") { Description = "ces-conf.yaml (offline, with --manifests)" };
        var manifests = new Option<string?>("--manifests") { Description = "A YAML file or folder (offline, with --config)" };
        var server = new Option<Uri?>("--server") { Description = "A running CES (ces run), e.g. http://127.0.0.1:8080: explains its current state and checks the device" };
        var output = new Option<string>("--output") { Description = "text or json", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var command = new Command("explain", "Explain whether a pod may reach a destination, which CES rule decides, and the AFM objects involved")
        {
            from, to, config, manifests, server, output,
        };
        command.SetAction((result, token) => RunAsync(new ExplainArguments(
            result.GetValue(from)!, result.GetValue(to)!, result.GetValue(config)?.FullName, result.GetValue(manifests),
            result.GetValue(server), result.GetValue(output) == "json"), Console.Out, Console.Error, token));
        return command;
    }

    public static async Task<int> RunAsync(ExplainArguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Server is not null)
        {
            return await RunAgainstServerAsync(args, stdout, stderr, cancellationToken);
        }
        if (args.ConfigFile is null || args.Manifests is null)
        {
            await stderr.WriteLineAsync("error: give --config and --manifests (offline), or --server URL (a running CES)");
            return Unanswerable;
        }
        if (LoadOffline(args.ConfigFile, args.Manifests, stderr, out var exit) is not { } explainer)
        {
            return exit;
        }
        return await WriteAsync(explainer.Explain(args.From, args.To), args.Json, stdout, stderr);
    }

    /// <summary>Reads the config and manifests and builds the explainer; null and an exit code when the input is unusable.</summary>
    public static PolicyExplainer? LoadOffline(string configFile, string manifestPath, TextWriter stderr, out int exit)
    {
        exit = CompileCommand.InvalidConfig;
        if (!File.Exists(configFile))
        {
            stderr.WriteLine($"error: config file {configFile} does not exist");
            return null;
        }
        var config = ConfigReader.Read(File.ReadAllText(configFile), configFile);
        if (config.Config is null)
        {
            foreach (var diagnostic in config.Errors)
            {
                stderr.WriteLine(diagnostic.ToString());
            }
            stderr.WriteLine($"error: {configFile} is invalid; nothing to explain against");
            return null;
        }
        if (!File.Exists(manifestPath) && !Directory.Exists(manifestPath))
        {
            exit = Unanswerable;
            stderr.WriteLine($"error: manifest path {manifestPath} does not exist");
            return null;
        }
        var manifests = ManifestFolder.Read(manifestPath);
        foreach (var diagnostic in manifests.Diagnostics.Where(d => d.IsError))
        {
            stderr.WriteLine($"warning: left out: {diagnostic}");
        }
        exit = 0;
        return PolicyExplainer.Build(manifests.Snapshot, new CompilerSettings(config.Config, CompileCommand.ControllerNamespace()));
    }

    private static async Task<int> RunAgainstServerAsync(ExplainArguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(new Uri(args.Server!, "/api/v1/explain"), new { from = args.From, to = args.To }, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            await stderr.WriteLineAsync($"error: CES at {args.Server} did not answer: {e.Message}");
            return ServerUnreachable;
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var detail = TryRead(body, "detail") ?? TryRead(body, "title") ?? body;
                await stderr.WriteLineAsync($"error: {detail}");
                return (int)response.StatusCode is >= 400 and < 500 ? Unanswerable : ServerUnreachable;
            }
            var explanation = JsonSerializer.Deserialize<Explanation>(body, ExplanationJson.Options)!;
            return await WriteAsync(new ExplainOutcome.Answered(explanation), args.Json, stdout, stderr);
        }
    }

    private static async Task<int> WriteAsync(ExplainOutcome outcome, bool json, TextWriter stdout, TextWriter stderr)
    {
        switch (outcome)
        {
            case ExplainOutcome.Answered answered:
                await stdout.WriteLineAsync(json ? ExplanationJson.Serialize(answered.Explanation) : ExplanationText.Format(answered.Explanation));
                return 0;
            case ExplainOutcome.Failed failed:
                await stderr.WriteLineAsync("error: " + failed.Message);
                return Unanswerable;
            default:
                throw new InvalidOperationException($"unknown outcome {outcome}");
        }
    }

    private static string? TryRead(string body, string property)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty(property, out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
