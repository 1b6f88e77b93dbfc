using System.Diagnostics;

namespace Ces.Bench.Scenario;

/// <summary>Process CPU time, GC counts and peak RSS (VmHWM), with a reset of the peak between the two runs.</summary>
public static class ProcessProbe
{
    public static ProcessSample Sample()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new ProcessSample(process.TotalProcessorTime, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            PeakRssBytes() ?? process.PeakWorkingSet64, process.WorkingSet64);
    }

    /// <summary>Resets VmHWM to the current RSS (Linux: writing 5 to clear_refs), so the second run reports its own peak.</summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? PeakRssBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        return null;
    }
}

public sealed record ProcessSample(TimeSpan Cpu, int Gen0, int Gen1, int Gen2, long PeakRss, long Rss);
