namespace Ces.Grains.Compiler;

/// <summary>The source addresses known so far: per namespace, per Service, and for the whole cluster.</summary>
public interface ISourceLookup
{
    IReadOnlyCollection<string> ForNamespace(string ns);

    IReadOnlyCollection<string> ForService(string ns, string service);

    /// <summary>Every namespace's sources, each qualified with its tenant's route domain: what cluster rules match.</summary>
    IReadOnlyCollection<string> ForCluster();
}
