using System.Reflection;

namespace Ces.Silo.Explain;

/// <summary>The <c>/ui/explain</c> page, embedded in the assembly (explain.html).</summary>
internal static class ExplainPage
{
    public static string Html { get; } = Load();

    private static string Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ces.Silo.Explain.explain.html")
            ?? throw new InvalidOperationException("explain.html is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
