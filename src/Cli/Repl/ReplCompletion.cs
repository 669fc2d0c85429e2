namespace Course.Cli.Repl;

/// <summary>What Tab completes at a position: the names that fit and where the word they replace starts.</summary>
/// <param name="Start">The offset in the code where the word being completed starts (the cursor when there is none yet).</param>
/// <param name="Prefix">The part of the word already typed.</param>
/// <param name="Names">The names that start with <paramref name="Prefix"/>, sorted, each once.</param>
internal sealed record ReplCompletion(int Start, string Prefix, IReadOnlyList<string> Names)
{
    /// <summary>The longest text every name starts with (at least <see cref="Prefix"/>); what Tab inserts.</summary>
    public string CommonPrefix
    {
        get
        {
            if (Names.Count == 0)
            {
                return Prefix;
            }

            var common = Names[0];
            foreach (var name in Names.Skip(1))
            {
                var i = 0;
                while (i < common.Length && i < name.Length && common[i] == name[i])
                {
                    i++;
                }

                common = common[..i];
            }

            return common.Length < Prefix.Length ? Prefix : common;
        }
    }
}
