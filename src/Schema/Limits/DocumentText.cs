using GraphQLParser;
using GraphQLParser.Exceptions;

namespace RlhfGraph.Schema.Limits;

/// <summary>
/// The limits a document's text must meet before it is parsed: length, then tokens and nesting (one linear scan, no
/// tree). The nesting bound keeps every document under the parser's own recursion limit (GraphQLParser counts AST
/// nodes, two or three per bracket, and throws GraphQLMaxDepthExceededException past 128), so no parse of a checked
/// document can fail other than as a syntax error.
/// </summary>
public static class DocumentText
{
    /// <summary>The refusal for a document that is too long or has too many tokens; null when it may be parsed.</summary>
    public static (string Code, string Message)? Check(string document, LimitsOptions limits)
    {
        if (document.Length > limits.MaxDocumentLength)
            return (LimitError.DocumentTooLong, $"The document has {document.Length} characters; at most {limits.MaxDocumentLength} are allowed.");
        var (tokens, nesting) = Scan(document, limits.MaxTokens + 1, limits.MaxNesting + 1);
        if (tokens > limits.MaxTokens) return (LimitError.TooManyTokens, $"The document has more than {limits.MaxTokens} tokens, the most allowed.");
        return nesting > limits.MaxNesting
            ? (LimitError.TooNested, $"The document nests braces, brackets and parentheses more than {limits.MaxNesting} deep, the most allowed.")
            : null;
    }

    /// <summary>
    /// Tokens other than comments, and the deepest nesting of { [ ( at any point, scanning until either passes its
    /// stop value; a lexical error ends the scan (the parser reports it).
    /// </summary>
    public static (int Tokens, int Nesting) Scan(string document, int stopAtTokens = int.MaxValue, int stopAtNesting = int.MaxValue)
    {
        var (count, open, deepest) = (0, 0, 0);
        var position = 0;
        try
        {
            while (count < stopAtTokens && deepest < stopAtNesting)
            {
                var token = Lexer.Lex(document, position);
                if (token.Kind == TokenKind.EOF) break;
                if (token.Kind != TokenKind.COMMENT) count++;
                if (token.Kind is TokenKind.BRACE_L or TokenKind.BRACKET_L or TokenKind.PAREN_L) deepest = Math.Max(deepest, ++open);
                else if (token.Kind is TokenKind.BRACE_R or TokenKind.BRACKET_R or TokenKind.PAREN_R) open = Math.Max(0, open - 1);
                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            // The parser will say where and why.
        }

        return (count, deepest);
    }
}
