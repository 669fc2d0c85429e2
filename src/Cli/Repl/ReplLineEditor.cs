using System.Text;

namespace Course.Cli.Repl;

/// <summary>
/// Reads one line from a terminal key by key, so Tab can complete names: printable keys insert, Backspace/Delete
/// erase, Left/Right/Home/End move, Up/Down walk the history, Enter ends the line, Ctrl+D on an empty line ends the
/// input. Tab inserts what every candidate shares; when that adds nothing and several names fit, it lists them under
/// the line and draws the prompt again. Used only when both standard input and output are a terminal.
/// </summary>
/// <param name="readKey">Reads the next key (the console's, or a test's).</param>
/// <param name="output">Where the line is drawn (ANSI: carriage return, erase to end of line, cursor left).</param>
internal sealed class ReplLineEditor(Func<ConsoleKeyInfo> readKey, TextWriter output)
{
    /// <summary>The most names Tab lists at once.</summary>
    public const int MaxListed = 60;

    private readonly List<string> _history = [];

    /// <summary>Reads a line.</summary>
    /// <param name="prompt">The prompt drawn before it.</param>
    /// <param name="complete">Completes at a cursor position in the line (null: Tab inserts spaces).</param>
    /// <returns>The line, or null at the end of input (Ctrl+D on an empty line).</returns>
    public string? ReadLine(string prompt, Func<string, int, ReplCompletion>? complete)
    {
        var line = new StringBuilder();
        var cursor = 0;
        var recalled = _history.Count;
        output.Write(prompt);
        output.Flush();
        while (true)
        {
            var key = readKey();
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    output.Write('\n');
                    output.Flush();
                    var text = line.ToString();
                    if (text.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != text))
                    {
                        _history.Add(text);
                    }

                    return text;
                case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control):
                    if (line.Length == 0)
                    {
                        output.Write('\n');
                        return null;
                    }

                    break;
                case ConsoleKey.Backspace when cursor > 0:
                    line.Remove(--cursor, 1);
                    break;
                case ConsoleKey.Delete when cursor < line.Length:
                    line.Remove(cursor, 1);
                    break;
                case ConsoleKey.LeftArrow when cursor > 0:
                    cursor--;
                    break;
                case ConsoleKey.RightArrow when cursor < line.Length:
                    cursor++;
                    break;
                case ConsoleKey.Home:
                    cursor = 0;
                    break;
                case ConsoleKey.End:
                    cursor = line.Length;
                    break;
                case ConsoleKey.UpArrow when recalled > 0:
                case ConsoleKey.DownArrow when recalled < _history.Count:
                    recalled += key.Key == ConsoleKey.UpArrow ? -1 : 1;
                    line.Clear().Append(recalled < _history.Count ? _history[recalled] : "");
                    cursor = line.Length;
                    break;
                case ConsoleKey.Tab when complete is not null:
                    cursor = Complete(prompt, line, cursor, complete);
                    break;
                case ConsoleKey.Tab:
                    line.Insert(cursor, "    ");
                    cursor += 4;
                    break;
                default:
                    if (key.KeyChar >= ' ' && !char.IsControl(key.KeyChar))
                    {
                        line.Insert(cursor++, key.KeyChar);
                    }

                    break;
            }

            Redraw(prompt, line, cursor);
        }
    }

    private int Complete(string prompt, StringBuilder line, int cursor, Func<string, int, ReplCompletion> complete)
    {
        var completion = complete(line.ToString(), cursor);
        var insert = completion.CommonPrefix[completion.Prefix.Length..];
        if (insert.Length > 0)
        {
            line.Insert(cursor, insert);
            return cursor + insert.Length;
        }

        if (completion.Names.Count > 1)
        {
            output.Write('\n');
            output.Write(string.Join("  ", completion.Names.Take(MaxListed)));
            if (completion.Names.Count > MaxListed)
            {
                output.Write($"  … {completion.Names.Count - MaxListed} more");
            }

            output.Write('\n');
            output.Write(prompt);
        }

        return cursor;
    }

    private void Redraw(string prompt, StringBuilder line, int cursor)
    {
        output.Write('\r');
        output.Write(prompt);
        output.Write(line.ToString());
        output.Write("\u001b[K");
        if (line.Length > cursor)
        {
            output.Write($"\u001b[{line.Length - cursor}D");
        }

        output.Flush();
    }
}
