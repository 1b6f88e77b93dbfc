namespace Ces.BigIp.Simulator.Declarations;

/// AS3's task records: running ones are always kept, completed ones up to 25 (as3.md §7.4).
internal sealed class TaskStore(TimeProvider clock)
{
    public const int CompletedLimit = 25;

    private readonly Lock _gate = new();
    private readonly List<As3Task> _tasks = [];

    public As3Task Create()
    {
        var task = new As3Task(Guid.NewGuid().ToString(), clock.GetUtcNow());
        lock (_gate) _tasks.Add(task);
        return task;
    }

    public void Complete(As3Task task, DeclarationOutcome outcome)
    {
        lock (_gate)
        {
            task.Outcome = outcome;
            var completed = _tasks.Where(t => t.Outcome is not null).ToList();
            foreach (var old in completed.Take(Math.Max(0, completed.Count - CompletedLimit)))
                _tasks.Remove(old);
        }
    }

    public As3Task? Find(string id)
    {
        lock (_gate) return _tasks.FirstOrDefault(task => task.Id == id);
    }

    public IReadOnlyList<As3Task> All
    {
        get { lock (_gate) return [.. _tasks]; }
    }
}
