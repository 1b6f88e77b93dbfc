using Ces.Abstractions.Api;

namespace Ces.Grains.Compiler;

/// <summary>The rule-list paths of one tenant's policies, per scope in policy order, and which scopes hold staged rules.</summary>
internal sealed class PolicyEntries
{
    private readonly Dictionary<EgressScope, List<string>> _lists = new() { [EgressScope.Cluster] = [], [EgressScope.Namespace] = [], [EgressScope.Service] = [] };
    private readonly HashSet<EgressScope> _staged = [];

    public IReadOnlyList<string> this[EgressScope scope] => _lists[scope];

    public void Add(EgressScope scope, string ruleListPath, bool staged)
    {
        _lists[scope].Add(ruleListPath);
        if (staged)
        {
            _staged.Add(scope);
        }
    }

    public bool HasStaged(EgressScope scope) => _staged.Contains(scope);
}
