namespace Ces.Grains.Evaluator;

/// <summary>The AFM contexts a flow meets, in the order AFM checks them.</summary>
public enum ContextKind
{
    Global,
    RouteDomain,
    VirtualServer,
}
