using System.Text.Json.Nodes;

namespace Ces.BigIp.Simulator.Declarations;

/// The response bodies AS3 sends, word for word where as3.md §7 quotes them.
internal static class As3Bodies
{
    public const string Host = "localhost";

    public static JsonObject Busy() => new()
    {
        ["code"] = 503,
        ["message"] = $"Error: Configuration operation in progress on device {Host}, please try again in 2 minutes",
    };

    public static JsonObject QueueFull() => new()
    {
        ["code"] = 503,
        ["message"] = "Too many configuration operations are in progress on the device. Please try again later",
    };

    public static JsonObject Invalid(string error) => new()
    {
        ["code"] = 422,
        ["message"] = "declaration is invalid",
        ["errors"] = new JsonArray(error),
        ["declarationFullId"] = "",
    };

    public static JsonObject BadRequest(string message) => new() { ["code"] = 400, ["message"] = message };

    public static JsonObject NotFound(string message) => new() { ["code"] = 404, ["message"] = message };

    public static JsonObject Submitted(string taskId) => new()
    {
        ["id"] = taskId,
        ["results"] = new JsonArray(new JsonObject
        {
            ["message"] = "Declaration successfully submitted",
            ["tenant"] = "",
            ["host"] = "",
            ["runTime"] = 0,
            ["code"] = 0,
            ["declarationId"] = "",
        }),
        ["declaration"] = new JsonObject(),
        ["selfLink"] = TaskLink(taskId),
    };

    public static JsonObject Task(As3Task task)
    {
        if (task.Outcome is not { } outcome)
        {
            return new JsonObject
            {
                ["id"] = task.Id,
                ["results"] = new JsonArray(new JsonObject { ["message"] = "in progress", ["code"] = 0, ["tenant"] = "", ["host"] = Host, ["runTime"] = 0 }),
                ["declaration"] = new JsonObject(),
                ["selfLink"] = TaskLink(task.Id),
            };
        }
        var body = outcome.Body.DeepClone().AsObject();
        // A task that failed validation reports the 422 body as its only result, with an empty declaration.
        if (!body.ContainsKey("results"))
            body = new JsonObject { ["results"] = new JsonArray(body), ["declaration"] = new JsonObject() };
        body.Insert(0, "id", task.Id);
        body["selfLink"] = TaskLink(task.Id);
        return body;
    }

    public static string TaskLink(string id) => $"https://{Host}/mgmt/shared/appsvcs/task/{id}";
}
