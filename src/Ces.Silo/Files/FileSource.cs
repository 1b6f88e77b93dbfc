using Ces.Grains.Sources;
using Ces.Silo.Manifests;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ces.Silo.Files;

/// <summary>The embedded default's source: a folder of YAML manifests, watched (file events plus a periodic rescan), deletes included.</summary>
/// <remarks>Every change re-reads the whole folder and sends the keys whose whole value changed; a periodic resync re-sends every key.</remarks>
public sealed partial class FileSource(
    FileSourceOptions options,
    FileConfigSource config,
    SourceReconciler reconciler,
    SourceReadiness readiness,
    Explain.SnapshotStore snapshots,
    TimeProvider time,
    ILogger<FileSource> logger) : BackgroundService
{
    private readonly SemaphoreSlim _changed = new(0);
    private string _lastStamp = "";
    private string _lastConfigStamp = "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watcher = Watch(options.Manifests);
        using var configWatcher = Watch(Path.GetDirectoryName(Path.GetFullPath(options.ConfigFile))!);
        var nextResync = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var resync = time.GetUtcNow() >= nextResync || ConfigChanged();
            try
            {
                await ReconcileAsync(resync, stoppingToken);
                if (resync)
                {
                    nextResync = time.GetUtcNow() + options.ResyncInterval;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
            try
            {
                // A burst of file events (an editor's save, a kubectl-like copy) becomes one read.
                if (await _changed.WaitAsync(options.RescanInterval, stoppingToken))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), time, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
            while (_changed.Wait(0))
            {
            }
        }
    }

    private async Task ReconcileAsync(bool resync, CancellationToken cancellationToken)
    {
        var stamp = Stamp(options.Manifests);
        if (!resync && stamp == _lastStamp)
        {
            return;
        }
        var read = ManifestFolder.Read(options.Manifests);
        foreach (var diagnostic in read.Diagnostics.Where(d => d.IsError))
        {
            LogInvalid(logger, diagnostic.ToString());
        }
        await reconciler.ApplyAsync(read.Snapshot, time.GetUtcNow(), resync, cancellationToken);
        snapshots.Set(read.Snapshot);
        _lastStamp = stamp;
        LogApplied(logger, read.Snapshot.Rules.Count, reconciler.LastMessages, resync);
        if (resync)
        {
            readiness.MarkSynced(time.GetUtcNow());
        }
    }

    private bool ConfigChanged()
    {
        var stamp = Stamp(options.ConfigFile);
        if (stamp == _lastConfigStamp)
        {
            return false;
        }
        var first = _lastConfigStamp.Length == 0;
        _lastConfigStamp = stamp;
        if (first)
        {
            return false;
        }
        var result = config.Load();
        foreach (var diagnostic in result.Diagnostics)
        {
            LogInvalid(logger, diagnostic.ToString());
        }
        LogConfigReloaded(logger, options.ConfigFile, result.HasErrors ? "kept the last good config" : "applied");
        return !result.HasErrors;
    }

    /// <summary>Names, sizes and write times of every file: cheap to compute, and changes whenever a file does.</summary>
    private static string Stamp(string path)
    {
        var files = File.Exists(path) ? [path] : Directory.Exists(path) ? ManifestFolder.Files(path) : [];
        return string.Join("|", files.Select(f => new FileInfo(f)).Select(f => $"{f.FullName}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));
    }

    private FileSystemWatcher? Watch(string path)
    {
        if (!Directory.Exists(path))
        {
            return null;
        }
        var watcher = new FileSystemWatcher(path) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        FileSystemEventHandler changed = (_, _) => _changed.Release();
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, _) => _changed.Release();
        return watcher;
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Read {Rules} rules from the manifests; sent {Messages} changes (resync {Resync})")]
    private static partial void LogApplied(ILogger logger, int rules, int messages, bool resync);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Left out an invalid object: {Diagnostic}")]
    private static partial void LogInvalid(ILogger logger, string diagnostic);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Reloaded config {File}: {Outcome}")]
    private static partial void LogConfigReloaded(ILogger logger, string file, string outcome);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error, Message = "Failed to read or send the manifests; retrying at the next rescan")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
