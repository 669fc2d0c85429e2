using System.Text;

namespace Course.Sandbox.StepFunctions.Integrations;

/// <summary>
/// Splits CSV text into records and fields as RFC 4180 reads it: fields separated by the delimiter, records by CR LF
/// or LF, a field in double quotes may hold delimiters, line breaks and <c>""</c> for a quote. Blank lines are skipped.
/// </summary>
internal static class CsvRecords
{
    /// <summary>The records of <paramref name="text"/>, each a list of fields.</summary>
    /// <exception cref="FormatException">A quoted field is not closed, or text follows a closing quote.</exception>
    public static List<List<string>> Read(string text, char delimiter)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var afterQuote = false;
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                    afterQuote = true;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            if (c == delimiter)
            {
                record.Add(field.ToString());
                field.Clear();
                afterQuote = false;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRecord();
                line++;
            }
            else if (afterQuote)
            {
                throw new FormatException($"line {line}: text after a closing quote");
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"line {line}: a quoted field is not closed");
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            if (record.Count > 0 || field.Length > 0 || afterQuote)
            {
                record.Add(field.ToString());
                records.Add(record);
            }

            record = [];
            field.Clear();
            afterQuote = false;
        }
    }
}
