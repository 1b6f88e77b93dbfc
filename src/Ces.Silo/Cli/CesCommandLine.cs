using System.CommandLine;

namespace Ces.Silo.Cli;

/// <summary>The <c>ces</c> command line: one subcommand per task.</summary>
public static class CesCommandLine
{
    public static RootCommand Build()
    {
        return new RootCommand("CES: Container Egress Services for Kubernetes (egress policy on F5 BIG-IP AFM)")
        {
            CompileCommand.Build(),
            ExplainCommand.Build(),
            RunCommand.Build(),
        };
    }
}
