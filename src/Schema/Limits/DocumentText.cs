using GraphQLParser;
using GraphQLParser.Exceptions;

namespace RlhfGraph.Schema.Limits;

/// <summary>The limits a document's text must meet before it is parsed: length, then tokens (a linear scan, no tree).</summary>
public static class DocumentText
{
    /// <summary>The refusal for a document that is too long or has too many tokens; null when it may be parsed.</summary>
    public static (string Code, string Message)? Check(string document, LimitsOptions limits)
    {
        if (document.Length > limits.MaxDocumentLength)
            return (LimitError.DocumentTooLong, $"The document has {document.Length} characters; at most {limits.MaxDocumentLength} are allowed.");
        var tokens = CountTokens(document, limits.MaxTokens + 1);
        return tokens > limits.MaxTokens
            ? (LimitError.TooManyTokens, $"The document has more than {limits.MaxTokens} tokens, the most allowed.")
            : null;
    }

    /// <summary>Tokens other than comments, counted up to <paramref name="stopAt"/>; a lexical error ends the count (the parser reports it).</summary>
    public static int CountTokens(string document, int stopAt = int.MaxValue)
    {
        var count = 0;
        var position = 0;
        try
        {
            while (count < stopAt)
            {
                var token = Lexer.Lex(document, position);
                if (token.Kind == TokenKind.EOF) break;
                if (token.Kind != TokenKind.COMMENT) count++;
                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            // The parser will say where and why.
        }

        return count;
    }
}
