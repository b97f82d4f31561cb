using System.Buffers;

namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>
/// Text written a piece at a time with white space runs collapsed to one space and trimmed, as <see cref="FormatsText.Collapse"/>
/// does to the whole: the inline reader wrote every line into a StringBuilder, made a string of it, then collapsed that into
/// another (250k-item list: 132 MB of char[] besides the collapsing's own 363 MB). Its buffer is rented, and given back by
/// <see cref="ToStringAndReturn"/> or <see cref="Dispose"/>.
/// </summary>
internal ref struct CollapsedText(int capacity)
{
    private char[] _buffer = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));
    private int _length;
    private bool _space;

    public void Append(ReadOnlySpan<char> text)
    {
        foreach (var ch in text) Append(ch);
    }

    public void Append(char ch)
    {
        if (char.IsWhiteSpace(ch))
        {
            _space = _length > 0;
            return;
        }

        if (_space) Add(' ');
        _space = false;
        Add(ch);
    }

    /// <summary>The text written so far, valid until <see cref="Dispose"/>.</summary>
    public readonly ReadOnlySpan<char> Written => _buffer.AsSpan(0, _length);

    public string ToStringAndReturn()
    {
        var text = new string(Written);
        Dispose();
        return text;
    }

    /// <summary>Gives the buffer back.</summary>
    public void Dispose()
    {
        if (_buffer.Length > 0) ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }

    private void Add(char ch)
    {
        if (_length == _buffer.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = larger;
        }

        _buffer[_length++] = ch;
    }
}
