namespace Course.Sandbox.Observability;

/// <summary>Writes the detail of a trace entry recorded as data.</summary>
internal interface ITraceDetail
{
    string Format(TraceEvent entry);
}
