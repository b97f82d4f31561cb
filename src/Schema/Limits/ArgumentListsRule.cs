using System.Collections;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace RlhfGraph.Schema.Limits;

/// <summary>
/// Bounds every list a client sends, after variables are coerced (so literals and variables are counted alike) and
/// before anything executes: and/or operands, in/nin values, nodes ids, any other list argument, and the size of a
/// where argument altogether. Values are walked with an explicit stack, so nothing here recurses with the input.
/// </summary>
internal sealed class ArgumentListsRule(IOptions<LimitsOptions> options) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (context.ArgumentValues is not { } fields) return default;
        var limits = options.Value;
        foreach (var (field, arguments) in fields)
        {
            foreach (var (name, argument) in arguments)
            {
                if (Check(field.Name.StringValue + "(" + name + ":)", name, argument.Value, limits) is { } error)
                {
                    context.ReportError(error);
                    return default;
                }
            }
        }

        return default;
    }

    private static LimitError? Check(string where, string argument, object? value, LimitsOptions limits)
    {
        var size = 0;
        var stack = new Stack<(string Name, object? Value)>();
        stack.Push((argument, value));
        while (stack.TryPop(out var item))
        {
            switch (item.Value)
            {
                case null or string:
                    break;
                case IDictionary<string, object?> map:
                    foreach (var (key, inner) in map)
                    {
                        if (inner is null) continue;
                        size++;
                        stack.Push((key, inner));
                    }

                    break;
                case IList list:
                    var (max, what, code) = item.Name switch
                    {
                        "and" or "or" => (limits.MaxFilterOperands, "Limits:MaxFilterOperands", LimitError.ListTooLong),
                        "in" or "nin" => (limits.MaxFilterValues, "Limits:MaxFilterValues", LimitError.ListTooLong),
                        "ids" when item.Name == argument => (limits.MaxNodes, "Limits:MaxNodes", LimitError.TooManyNodes),
                        _ => (limits.MaxListItems, "Limits:MaxListItems", LimitError.ListTooLong),
                    };
                    if (list.Count > max)
                        return new LimitError(code, $"'{item.Name}' in {where} has {list.Count} items; at most {max} are allowed ({what}).");
                    size += list.Count;
                    foreach (var inner in list) stack.Push((item.Name, inner));
                    break;
            }

            if (argument == "where" && size > limits.MaxFilterSize)
                return new LimitError(LimitError.FilterTooLarge,
                    $"The filter in {where} has more than {limits.MaxFilterSize} conditions and values; split it or use in/nin (Limits:MaxFilterSize).");
        }

        return null;
    }
}
