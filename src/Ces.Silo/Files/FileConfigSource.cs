using Ces.Abstractions.Config;
using Ces.Grains.Compiler;
using Ces.Grains.Hosting;
using Ces.Silo.Manifests;

namespace Ces.Silo.Files;

/// <summary>ces-conf.yaml as the grains see it: read at start (an invalid file stops start-up), last good kept on reload.</summary>
public sealed class FileConfigSource(string path, string controllerNamespace) : ICesConfigSource
{
    private CompilerSettings? _current;

    public CompilerSettings Current => _current ?? throw new InvalidOperationException("ces-conf.yaml has not been loaded");

    /// <summary>Reads the file; returns its problems. The current settings change only when it has no errors.</summary>
    public ConfigReadResult Load()
    {
        var result = File.Exists(path)
            ? ConfigReader.Read(File.ReadAllText(path), path)
            : new ConfigReadResult(null, [Ces.Abstractions.Diagnostics.Diagnostic.Error(path, "", "the config file does not exist")]);
        if (result.Config is CesConfig config)
        {
            _current = new CompilerSettings(config, controllerNamespace);
        }
        return result;
    }
}
