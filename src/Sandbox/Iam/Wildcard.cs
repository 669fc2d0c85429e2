namespace Course.Sandbox.Iam;

/// <summary>
/// IAM's wildcard matching (IAM_02): <c>*</c> matches any run of characters (also across <c>/</c> and <c>:</c>),
/// <c>?</c> exactly one. Actions compare without case (<c>s3:getobject</c> = <c>s3:GetObject</c>), ARNs with case.
/// </summary>
public static class Wildcard
{
    /// <summary>True when <paramref name="value"/> matches <paramref name="pattern"/>.</summary>
    public static bool Matches(string pattern, string value, bool ignoreCase)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);
        int p = 0, v = 0, star = -1, mark = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) => ignoreCase ? char.ToLowerInvariant(a) == char.ToLowerInvariant(b) : a == b;
}
