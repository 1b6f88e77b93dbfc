namespace Ces.BigIp.Simulator.Faults;

/// What an injected fault does to a request instead of serving it.
public enum FaultKind
{
    /// <summary>503 with AS3's "Configuration operation in progress" body.</summary>
    Busy,

    /// <summary>500 with the framework's "AsyncContext timeout" text.</summary>
    ServerError,

    /// <summary>No answer until the client gives up (or the hang limit passes, then the connection is aborted).</summary>
    Hang,

    /// <summary>The connection is aborted without a response.</summary>
    Reset,

    /// <summary>408 with an empty body, as iControl LX answers its own timeout.</summary>
    RequestTimeout,
}
