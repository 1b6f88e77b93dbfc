using Ces.Abstractions.Validation;

namespace Ces.Grains.Evaluator;

/// <summary>The ports one side of a rule matches; a constrained set never matches a flow without a port.</summary>
internal sealed class PortSet(PortRange[] ranges, bool matchesAll)
{
    public static PortSet All { get; } = new([], true);

    public bool Contains(int? port)
    {
        if (matchesAll)
        {
            return true;
        }
        if (port is not { } value)
        {
            return false;
        }
        foreach (var range in ranges)
        {
            if (value >= range.First && value <= range.Last)
            {
                return true;
            }
        }
        return false;
    }
}
