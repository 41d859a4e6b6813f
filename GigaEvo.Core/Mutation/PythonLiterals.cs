namespace GigaEvo.Core.Mutation;

/// <summary>A numeric literal in Python source: where it is and its text.</summary>
public sealed record NumericLiteral(int Start, int Length, string Text, bool IsFloat);

/// <summary>
/// Finds decimal int and float literals in Python source, skipping comments, strings (all quote and prefix
/// forms), identifiers, attribute digits, hex/octal/binary and complex literals. Replacing a literal found
/// here by another non-negative decimal literal cannot change how the code parses.
/// </summary>
public static class PythonLiterals
{
    public const string BlockStart = "EVOLVE-BLOCK-START";
    public const string BlockEnd = "EVOLVE-BLOCK-END";

    public static IReadOnlyList<NumericLiteral> Find(string code)
    {
        var literals = new List<NumericLiteral>();
        var regions = EvolveRegions(code);
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            if (c == '#')
            {
                i = LineEnd(code, i);
            }
            else if (c is '"' or '\'')
            {
                i = StringEnd(code, i);
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] == '_'))
                {
                    i++;
                }
                if (i < code.Length && code[i] is '"' or '\'')
                {
                    i = StringEnd(code, i); // a prefixed string: r'..', b"..", f'''..'''
                }
            }
            else if (char.IsDigit(c) || (c == '.' && i + 1 < code.Length && char.IsDigit(code[i + 1]) && (i == 0 || !IsWordOrDot(code[i - 1]))))
            {
                var start = i;
                i = ScanNumber(code, i, out var isFloat, out var usable);
                if (usable && regions.Any(r => start >= r.Start && start < r.End))
                {
                    literals.Add(new NumericLiteral(start, i - start, code[start..i], isFloat));
                }
            }
            else
            {
                i++;
            }
        }
        return literals;
    }

    /// <summary>Spans between EVOLVE-BLOCK markers, or the whole file when there are none.</summary>
    public static IReadOnlyList<(int Start, int End)> EvolveRegions(string code)
    {
        var regions = new List<(int, int)>();
        var from = 0;
        while (code.IndexOf(BlockStart, from, StringComparison.Ordinal) is var s and >= 0)
        {
            var bodyStart = LineEnd(code, s);
            var e = code.IndexOf(BlockEnd, bodyStart, StringComparison.Ordinal);
            var end = e < 0 ? code.Length : code.LastIndexOf('\n', e) is var nl and >= 0 && nl >= bodyStart ? nl : e;
            regions.Add((bodyStart, end));
            from = e < 0 ? code.Length : e + BlockEnd.Length;
        }
        return regions.Count > 0 ? regions : [(0, code.Length)];
    }

    private static bool IsWordOrDot(char c) => char.IsLetterOrDigit(c) || c is '_' or '.';

    private static int LineEnd(string code, int i)
    {
        var nl = code.IndexOf('\n', i);
        return nl < 0 ? code.Length : nl;
    }

    /// <summary>The index just past the string literal starting at <paramref name="i"/> (single, double or triple quoted).</summary>
    public static int StringEnd(string code, int i)
    {
        var quote = code[i];
        var triple = i + 2 < code.Length && code[i + 1] == quote && code[i + 2] == quote;
        var delimiter = triple ? new string(quote, 3) : quote.ToString();
        i += delimiter.Length;
        while (i < code.Length)
        {
            if (code[i] == '\\')
            {
                i += 2;
                continue;
            }
            if (string.CompareOrdinal(code, i, delimiter, 0, delimiter.Length) == 0)
            {
                return i + delimiter.Length;
            }
            if (!triple && code[i] == '\n')
            {
                return i;
            }
            i++;
        }
        return code.Length;
    }

    private static int ScanNumber(string code, int i, out bool isFloat, out bool usable)
    {
        var start = i;
        isFloat = false;
        usable = true;
        if (code[i] == '0' && i + 1 < code.Length && char.ToLowerInvariant(code[i + 1]) is 'x' or 'o' or 'b')
        {
            usable = false;
            i += 2;
            while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] == '_'))
            {
                i++;
            }
            return i;
        }
        while (i < code.Length && (char.IsDigit(code[i]) || code[i] == '_'))
        {
            i++;
        }
        if (i < code.Length && code[i] == '.' && !(i + 1 < code.Length && code[i + 1] == '.'))
        {
            isFloat = true;
            i++;
            while (i < code.Length && (char.IsDigit(code[i]) || code[i] == '_'))
            {
                i++;
            }
        }
        if (i < code.Length && code[i] is 'e' or 'E' && i + 1 < code.Length
            && (char.IsDigit(code[i + 1]) || (code[i + 1] is '+' or '-' && i + 2 < code.Length && char.IsDigit(code[i + 2]))))
        {
            isFloat = true;
            i += 2;
            while (i < code.Length && char.IsDigit(code[i]))
            {
                i++;
            }
        }
        if (i < code.Length && (code[i] is 'j' or 'J' || char.IsLetter(code[i]) || code[i] == '_'))
        {
            usable = false; // complex literal, or something odd glued to the number
            while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] == '_'))
            {
                i++;
            }
        }
        if (code.AsSpan(start, i - start).Contains('_'))
        {
            usable = false; // 1_000: rare in evolved code; leave it alone rather than reformat it
        }
        return i;
    }
}
