using System.Text.Json.Nodes;

namespace Ces.BigIp.Simulator.Declarations;

/// One entry of an AS3 `results` array (as3.md §7.2).
internal static class TenantResults
{
    public static JsonObject Succeeded(string tenant, string declarationId, bool unchanged, int lineCount, TimeSpan runTime, string? lockKey)
    {
        var result = new JsonObject
        {
            ["code"] = 200,
            ["message"] = unchanged ? "no change" : "success",
            ["lineCount"] = unchanged ? 0 : lineCount,
            ["host"] = As3Bodies.Host,
            ["tenant"] = tenant,
            ["runTime"] = (long)runTime.TotalMilliseconds,
            ["declarationId"] = declarationId,
        };
        if (lockKey is not null)
            result["optimisticLockKey"] = lockKey;
        return result;
    }

    public static JsonObject Failed(string tenant, string declarationId, string response, TimeSpan runTime) => new()
    {
        ["code"] = 422,
        ["message"] = "declaration failed",
        ["response"] = response,
        ["host"] = As3Bodies.Host,
        ["tenant"] = tenant,
        ["runTime"] = (long)runTime.TotalMilliseconds,
        ["declarationId"] = declarationId,
    };
}
