using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace RlhfGraph.Schema.Faults;

/// <summary>
/// Errors as clients see them. Unless Errors:IncludeDetails asks for them (whatever the environment): no exception
/// details, and no "Did you mean …?" suggestions, which would let a client recover a schema whose introspection is
/// switched off. Never (in any
/// environment) the names of .NET exceptions: graphql-dotnet derives `code` and `codes` from the exception types
/// behind an error (KEY_NOT_FOUND, DECODER_FALLBACK, …), which says nothing a client can act on and something
/// about the server; so `codes` is not sent, and an unhandled exception is INTERNAL_SERVER_ERROR.
/// </summary>
internal sealed class ClientErrorInfoProvider(bool includeDetails) : ErrorInfoProvider(options =>
{
    options.ExposeExceptionDetails = includeDetails;
    options.ExposeCodes = false;
})
{
    private const string Suggestion = " Did you mean ";

    public const string InternalError = "INTERNAL_SERVER_ERROR";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is Limits.CostError cost)
        {
            info.Extensions ??= new Dictionary<string, object?>();
            foreach (var (key, value) in cost.CostFields) info.Extensions[key] = value;
        }

        if (executionError is UnhandledError && info.Extensions is { } extensions) extensions["code"] = InternalError;
        if (HotChocolateCodes.LegacyOf(executionError.Code) is { } legacy) (info.Extensions ??= new Dictionary<string, object?>())[HotChocolateCodes.LegacyCodeField] = legacy;
        if (!includeDetails && executionError is ValidationError && info.Message.IndexOf(Suggestion, StringComparison.Ordinal) is var at and >= 0)
            info.Message = info.Message[..at];
        return info;
    }
}
