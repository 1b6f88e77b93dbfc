using Ces.Abstractions.Config;
using Ces.Grains.Compiler;
using CsCheck;

namespace Ces.Grains.Tests.Compiler;

/// <summary>Properties over generated valid input: AS3 accepts every declaration, and output depends only on content.</summary>
public class CompilerPropertyTests
{
    private static PolicyCompilerRun Run(RandomWorld world) => new(PolicyCompiler.Compile(world.Snapshot, Build.Settings(world.Config)));

    [Fact]
    public void Every_generated_valid_input_compiles_to_schema_valid_declarations() =>
        RandomWorld.Gen.Sample(world =>
        {
            var result = Run(world).Result;
            Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
            As3Conformance.AssertValid(result);
        }, iter: 150, threads: 1);

    [Fact]
    public void The_same_input_gives_byte_identical_declarations_in_any_input_order() =>
        RandomWorld.Gen.Sample(world =>
        {
            var reversed = world with
            {
                Snapshot = world.Snapshot with
                {
                    ExternalServices = [.. world.Snapshot.ExternalServices.Reverse()],
                    Rules = [.. world.Snapshot.Rules.Reverse()],
                    Pods = [.. world.Snapshot.Pods.Reverse()],
                    EndpointSlices = [.. world.Snapshot.EndpointSlices.Reverse()],
                    Namespaces = [.. world.Snapshot.Namespaces.Reverse()],
                },
            };
            Assert.Equal(Run(world).Json, Run(world).Json);
            Assert.Equal(Run(world).Json, Run(reversed).Json);
        }, iter: 300);

    [Fact]
    public void No_allow_rule_ever_matches_any_source_unless_cluster_rules_are_configured_to() =>
        RandomWorld.Gen.Sample(world =>
        {
            var anyAllowed = world.Config.ClusterRuleSource == ClusterRuleSourceMode.Any;
            foreach (var tenant in Run(world).Result.Tenants)
            {
                foreach (var list in tenant.Model.RuleLists.Where(l => !l.Name.EndsWith("_svc_deny_all_rule_list", StringComparison.Ordinal)))
                {
                    var clusterList = list.Name.Contains("_global_", StringComparison.Ordinal);
                    Assert.All(list.Rules, rule => Assert.True(!rule.SourceAddressLists.IsEmpty || (clusterList && anyAllowed),
                        $"{list.Name}/{rule.Name} has no source"));
                }
            }
        }, iter: 300);

    private sealed record PolicyCompilerRun(CompileResult Result)
    {
        public string[] Json => [.. Result.Tenants.Select(t => t.Json)];
    }
}
