using System.Text;

namespace GigaEvo.Core.Programs;

/// <summary>
/// The form in which two programs count as the same: comments removed, blank lines dropped, trailing
/// whitespace gone, and whitespace inside a line kept only where it separates two words (<c>x=1</c> equals
/// <c>x = 1</c>). Indentation and string contents are kept: they change what the code does.
/// </summary>
public static class CodeNormalizer
{
    public static string Normalize(string code)
    {
        var output = new StringBuilder(code.Length);
        var line = new StringBuilder();
        var i = 0;
        var atLineStart = true;
        var pendingSpace = false;
        while (i < code.Length)
        {
            var c = code[i];
            if (c == '\r')
            {
                i++;
            }
            else if (c == '\n')
            {
                Flush(output, line);
                atLineStart = true;
                pendingSpace = false;
                i++;
            }
            else if (c == '#')
            {
                while (i < code.Length && code[i] != '\n')
                {
                    i++;
                }
            }
            else if (c is ' ' or '\t')
            {
                if (atLineStart)
                {
                    line.Append(c == '\t' ? "    " : " ");
                }
                else
                {
                    pendingSpace = true;
                }
                i++;
            }
            else
            {
                if (pendingSpace && line.Length > 0 && IsWord(line[^1]) && IsWord(c))
                {
                    line.Append(' ');
                }
                pendingSpace = false;
                atLineStart = false;
                if (c is '"' or '\'')
                {
                    var end = StringEnd(code, i);
                    line.Append(code, i, end - i);
                    i = end;
                }
                else
                {
                    line.Append(c);
                    i++;
                }
            }
        }
        Flush(output, line);
        return output.ToString();
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c is '_' or '"' or '\'';

    private static void Flush(StringBuilder output, StringBuilder line)
    {
        if (line.ToString().Trim().Length > 0)
        {
            output.Append(line.ToString().TrimEnd()).Append('\n');
        }
        line.Clear();
    }

    /// <summary>The index just past the string literal starting at <paramref name="i"/> (single, double or triple quoted).</summary>
    private static int StringEnd(string code, int i)
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
}
