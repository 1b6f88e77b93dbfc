namespace Ces.BigIp.Simulator.Declarations;

/// AS3's device-wide configuration lock (as3.md §7.5): one declaration at a time, others refused or queued FIFO (≤ 10).
internal sealed class DeviceLock
{
    public const int BurstQueueLimit = 10;

    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private bool _held;

    public DeviceLock(bool burstHandling) => BurstHandling = burstHandling;

    public bool BurstHandling
    {
        get { lock (_gate) return field; }
        set { lock (_gate) field = value; }
    }

    /// <summary>Null when the device is busy and the request must get a 503; otherwise a task that completes once the caller holds the lock.</summary>
    public Task? TryEnter()
    {
        lock (_gate)
        {
            if (!_held)
            {
                _held = true;
                return Task.CompletedTask;
            }
            if (!BurstHandling || _waiting.Count >= BurstQueueLimit)
                return null;
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter);
            return waiter.Task;
        }
    }

    /// <summary>Hands the lock to the oldest waiter, or frees it.</summary>
    public void Exit()
    {
        TaskCompletionSource? next;
        lock (_gate)
        {
            if (!_waiting.TryDequeue(out next))
                _held = false;
        }
        next?.SetResult();
    }

    public bool QueueIsFull
    {
        get { lock (_gate) return _waiting.Count >= BurstQueueLimit; }
    }
}
