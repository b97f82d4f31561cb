using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace RlhfGraph.Schema.Faults;

/// <summary>
/// Errors as clients see them. Outside Development: no exception details, and no "Did you mean …?"
/// suggestions, which would let a client recover a schema whose introspection is switched off.
/// </summary>
internal sealed class ClientErrorInfoProvider(bool development) : ErrorInfoProvider(options => options.ExposeExceptionDetails = development)
{
    private const string Suggestion = " Did you mean ";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is Limits.CostError cost)
        {
            info.Extensions ??= new Dictionary<string, object?>();
            foreach (var (key, value) in cost.CostFields) info.Extensions[key] = value;
        }

        if (!development && executionError is ValidationError && info.Message.IndexOf(Suggestion, StringComparison.Ordinal) is var at and >= 0)
            info.Message = info.Message[..at];
        return info;
    }
}
