using System.CommandLine;
using Ces.Abstractions.Api;
using Ces.Abstractions.Diagnostics;
using Ces.Grains.Compiler;
using Ces.Silo.Manifests;

namespace Ces.Silo.Cli;

/// <summary><c>ces compile</c>: config + manifests → one AS3 request per tenant, every problem listed, non-zero exit on errors.</summary>
public static class CompileCommand
{
    public const int InvalidInput = 1;
    public const int InvalidConfig = 2;

    public static Command Build()
    {
        var config = new Option<FileInfo>("--config") { Description = "ces-conf.yaml (CES 0.5's config file)", Required = true };
        var manifests = new Option<string>("--manifests")
        {
            Description = "A YAML file or folder: the CES kinds, Namespaces, Pods and EndpointSlices", Required = true,
        };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write <tenant>.json per tenant here instead of printing" };
        var command = new Command("compile", "Compile CES policy into AS3 declarations, as the controller would send them") { config, manifests, output };
        command.SetAction(result => Run(
            result.GetValue(config)!.FullName,
            result.GetValue(manifests)!,
            result.GetValue(output)?.FullName,
            ControllerNamespace(),
            Console.Out,
            Console.Error));
        return command;
    }

    /// <summary>Where cluster-scoped ExternalServices live: <c>CES_NAMESPACE</c>, as in CES 0.5, else kube-system.</summary>
    public static string ControllerNamespace() =>
        Environment.GetEnvironmentVariable("CES_NAMESPACE") is { Length: > 0 } ns ? ns : CesApi.DefaultControllerNamespace;

    public static int Run(string configFile, string manifestPath, string? outputDirectory, string controllerNamespace, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(configFile))
        {
            stderr.WriteLine($"error: config file {configFile} does not exist");
            return InvalidConfig;
        }
        var config = ConfigReader.Read(File.ReadAllText(configFile), configFile);
        Report(config.Diagnostics, stderr);
        if (config.Config is null)
        {
            stderr.WriteLine($"{config.Errors.Count()} error(s) in {configFile}; nothing compiled");
            return InvalidConfig;
        }
        if (!File.Exists(manifestPath) && !Directory.Exists(manifestPath))
        {
            stderr.WriteLine($"error: manifest path {manifestPath} does not exist");
            return InvalidInput;
        }

        var manifests = ManifestFolder.Read(manifestPath);
        var result = PolicyCompiler.Compile(manifests.Snapshot, new CompilerSettings(config.Config, controllerNamespace, Indented: true));
        var diagnostics = manifests.Diagnostics
            .Concat(result.Diagnostics.Select(d => d with { Location = d.Location ?? LocationOf(manifests, d.Subject) }))
            .Concat(DeclarationCheck.Check(result))
            .ToList();
        Report(diagnostics, stderr);

        WriteDeclarations(result, outputDirectory, stdout);
        foreach (var tenant in result.Tenants)
        {
            var rules = result.Rules.Count(r => r.Tenant == tenant.Tenant && r.Kind == RuleOutcomeKind.Programmed);
            stderr.WriteLine($"Compiled tenant {tenant.Tenant}: {rules} rule(s), {tenant.Json.Length} bytes; binds "
                + string.Join(", ", tenant.Bindings.Select(b => $"{b.RouteDomainPath ?? "global context"} → {b.PolicyPath}")));
        }
        var errors = diagnostics.Count(d => d.IsError);
        if (errors > 0)
        {
            stderr.WriteLine($"{errors} error(s): the objects named above were left out");
            return InvalidInput;
        }
        return 0;
    }

    private static void WriteDeclarations(CompileResult result, string? outputDirectory, TextWriter stdout)
    {
        if (outputDirectory is not null)
        {
            Directory.CreateDirectory(outputDirectory);
            foreach (var tenant in result.Tenants)
            {
                File.WriteAllText(Path.Combine(outputDirectory, tenant.Tenant + ".json"), tenant.Json + "\n");
            }
            return;
        }
        // One tenant prints as its AS3 request; several print as an array of requests, a body AS3 also accepts.
        stdout.WriteLine(result.Tenants.Count == 1
            ? result.Tenants[0].Json
            : "[\n" + string.Join(",\n", result.Tenants.Select(t => t.Json)) + "\n]");
    }

    private static SourceLocation? LocationOf(ManifestReadResult manifests, string subject) =>
        manifests.Locations.FirstOrDefault(l => l.Key.ToString() == subject).Value;

    private static void Report(IEnumerable<Diagnostic> diagnostics, TextWriter stderr)
    {
        foreach (var diagnostic in diagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
        }
    }
}
