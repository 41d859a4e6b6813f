using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace GigaEvo.Web.Components.Shared;

/// <summary>Simple Python highlighting: comments, strings, keywords and numbers in spans; everything else HTML-encoded.</summary>
public static partial class CodeHighlighter
{
    [GeneratedRegex(""""(?<com>#[^\n]*)|(?<str>"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|(?<kw>\b(?:def|return|import|from|as|if|elif|else|for|while|in|not|and|or|is|None|True|False|class|with|try|except|finally|raise|lambda|yield|pass|break|continue|global|nonlocal|assert|del|async|await)\b)|(?<num>\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)"""")]
    private static partial Regex Tokens();

    public static MarkupString Highlight(string code)
    {
        var html = new StringBuilder(code.Length * 2);
        var at = 0;
        foreach (Match m in Tokens().Matches(code))
        {
            html.Append(WebUtility.HtmlEncode(code[at..m.Index]));
            var kind = m.Groups["com"].Success ? "com" : m.Groups["str"].Success ? "str" : m.Groups["kw"].Success ? "kw" : "num";
            html.Append("<span class=\"").Append(kind).Append("\">").Append(WebUtility.HtmlEncode(m.Value)).Append("</span>");
            at = m.Index + m.Length;
        }
        html.Append(WebUtility.HtmlEncode(code[at..]));
        return new MarkupString(html.ToString());
    }
}
