namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>The eight state types of the Amazon States Language (catalogue row SFN_01).</summary>
public enum StateType
{
    /// <summary>Does work: a Lambda function or a service integration.</summary>
    Task,

    /// <summary>Passes (and reshapes) its input.</summary>
    Pass,

    /// <summary>Branches on rules over the input.</summary>
    Choice,

    /// <summary>Waits for a duration or until a time (on the virtual clock).</summary>
    Wait,

    /// <summary>Ends the execution (or branch, or iteration) successfully.</summary>
    Succeed,

    /// <summary>Ends the execution with an error and cause.</summary>
    Fail,

    /// <summary>Runs branches at once; its output is the array of their outputs.</summary>
    Parallel,

    /// <summary>Runs one iteration per item; its output is the array of their outputs.</summary>
    Map,
}
