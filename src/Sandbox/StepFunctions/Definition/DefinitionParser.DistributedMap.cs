using Course.Sandbox.StepFunctions.Executions;

namespace Course.Sandbox.StepFunctions.Definition;

/// <summary>
/// The distributed Map's fields (catalogue row SFN_13): <c>ProcessorConfig</c> (Mode, ExecutionType),
/// <c>ItemReader</c> (Amazon S3 getObject as JSON, JSONL or CSV, or listObjectsV2), <c>ItemBatcher</c>,
/// <c>ResultWriter</c> and <c>Label</c>. The dataset fields belong to DISTRIBUTED mode only.
/// </summary>
internal sealed partial class DefinitionParser
{
    private static readonly IReadOnlySet<string> ReaderFields = Set(["Resource", "Parameters", "ReaderConfig"]);
    private static readonly IReadOnlySet<string> ReaderConfigFields = Set(["InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems", "MaxItemsPath"]);
    private static readonly string[] DistributedOnlyFields = ["ItemReader", "ItemBatcher", "ResultWriter", "Label"];
    private static readonly string[] BatchLimitFields = ["MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"];
    private static readonly IReadOnlySet<string> BatcherFields = Set(["MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput"]);
    private static readonly IReadOnlySet<string> WriterFields = Set(["Resource", "Parameters"]);

    private static readonly Dictionary<string, char> Delimiters = new(StringComparer.Ordinal)
    {
        ["COMMA"] = ',', ["PIPE"] = '|', ["SEMICOLON"] = ';', ["SPACE"] = ' ', ["TAB"] = '\t',
    };

    /// <summary>Reads <c>ItemProcessor.ProcessorConfig</c>: the mode and, for DISTRIBUTED, the child execution type.</summary>
    private static (bool Distributed, WorkflowType ChildType) ProcessorConfig(FieldReader r)
    {
        if (r.Object["ItemProcessor"] is not System.Text.Json.Nodes.JsonObject processor || processor["ProcessorConfig"] is not System.Text.Json.Nodes.JsonObject config)
        {
            return (false, WorkflowType.Standard);
        }

        var cr = new FieldReader(config, $"{r.At("ItemProcessor")}/ProcessorConfig", r.Diagnostics);
        cr.OnlyFields(Set(["Mode", "ExecutionType"]));
        var mode = cr.String("Mode") ?? "INLINE";
        if (mode is not ("INLINE" or "DISTRIBUTED"))
        {
            cr.Fail($"Value is not a valid Mode: '{mode}' (INLINE or DISTRIBUTED)", cr.At("Mode"));
            return (false, WorkflowType.Standard);
        }

        var type = cr.String("ExecutionType");
        if (mode == "INLINE")
        {
            if (type is not null)
            {
                cr.Fail("The field 'ExecutionType' is only supported when Mode is DISTRIBUTED", cr.At("ExecutionType"));
            }

            return (false, WorkflowType.Standard);
        }

        switch (type)
        {
            case "STANDARD":
                return (true, WorkflowType.Standard);
            case "EXPRESS":
                return (true, WorkflowType.Express);
            case null:
                cr.Fail("These fields are required: [ExecutionType]");
                return (true, WorkflowType.Standard);
            default:
                cr.Fail($"Value is not a valid ExecutionType: '{type}' (STANDARD or EXPRESS)", cr.At("ExecutionType"));
                return (true, WorkflowType.Standard);
        }
    }

    /// <summary>Checks that the dataset fields appear only in DISTRIBUTED mode.</summary>
    private static void DistributedOnly(FieldReader r, bool distributed)
    {
        if (distributed)
        {
            return;
        }

        foreach (var field in DistributedOnlyFields.Where(r.Has))
        {
            r.Fail($"The field '{field}' is only supported for a Map state in DISTRIBUTED mode (ItemProcessor.ProcessorConfig.Mode)", r.At(field));
        }
    }

    private static ItemReaderDefinition? ItemReader(FieldReader r)
    {
        if (r.ObjectField("ItemReader") is not { } o)
        {
            return null;
        }

        var ir = new FieldReader(o, r.At("ItemReader"), r.Diagnostics);
        ir.OnlyFields(ReaderFields);
        ir.Required("Resource");
        var resource = ir.String("Resource");
        var action = resource switch
        {
            "arn:aws:states:::s3:getObject" => "getObject",
            "arn:aws:states:::s3:listObjectsV2" => "listObjectsV2",
            null => "",
            _ => null,
        };
        if (action is null)
        {
            ir.Fail($"The ItemReader resource {resource} is not supported: use arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2", ir.At("Resource"));
            action = "";
        }

        var reader = new ItemReaderDefinition { Action = action, Parameters = Template(ir, "Parameters") };
        if (ir.ObjectField("ReaderConfig") is not { } config)
        {
            if (action == "getObject")
            {
                ir.Fail("These fields are required: [ReaderConfig]: set ReaderConfig.InputType to CSV, JSON or JSONL for s3:getObject");
            }

            return reader;
        }

        var cr = new FieldReader(config, ir.At("ReaderConfig"), r.Diagnostics);
        cr.OnlyFields(ReaderConfigFields);
        cr.AtMostOne("MaxItems", "MaxItemsPath");
        var inputType = cr.String("InputType");
        if (inputType is "MANIFEST" or "PARQUET")
        {
            cr.Fail($"InputType {inputType} is not supported by this simulator: store the dataset as CSV, JSON or JSONL", cr.At("InputType"));
        }
        else if (inputType is not (null or "CSV" or "JSON" or "JSONL"))
        {
            cr.Fail($"Value is not a valid InputType: '{inputType}' (CSV, JSON, JSONL, PARQUET or MANIFEST)", cr.At("InputType"));
        }

        if (action == "getObject" && inputType is null)
        {
            cr.Fail("These fields are required: [InputType]");
        }

        var location = cr.String("CSVHeaderLocation");
        var headers = new List<string>();
        if (cr.ArrayField("CSVHeaders") is { } array)
        {
            foreach (var h in array)
            {
                if (h?.GetValueKind() == System.Text.Json.JsonValueKind.String)
                {
                    headers.Add(h.GetValue<string>());
                }
                else
                {
                    cr.Fail("The value for the field 'CSVHeaders' must be an ARRAY of STRINGs", cr.At("CSVHeaders"));
                }
            }
        }

        if (inputType == "CSV")
        {
            if (location is not ("FIRST_ROW" or "GIVEN"))
            {
                cr.Fail(location is null ? "These fields are required: [CSVHeaderLocation]" : $"Value is not a valid CSVHeaderLocation: '{location}' (FIRST_ROW or GIVEN)", cr.At("CSVHeaderLocation"));
            }
            else if (location == "GIVEN" && headers.Count == 0)
            {
                cr.Fail("CSVHeaders must list the column names when CSVHeaderLocation is GIVEN", cr.At("CSVHeaders"));
            }
            else if (location == "FIRST_ROW" && cr.Has("CSVHeaders"))
            {
                cr.Fail("CSVHeaders may only be given when CSVHeaderLocation is GIVEN", cr.At("CSVHeaders"));
            }
        }

        var delimiter = ',';
        if (cr.String("CSVDelimiter") is string d && !Delimiters.TryGetValue(d, out delimiter))
        {
            cr.Fail($"Value is not a valid CSVDelimiter: '{d}' (COMMA, PIPE, SEMICOLON, SPACE or TAB)", cr.At("CSVDelimiter"));
        }

        return reader with
        {
            InputType = inputType,
            CsvHeaderLocation = location,
            CsvHeaders = headers,
            CsvDelimiter = delimiter,
            MaxItems = cr.Integer("MaxItems", 0, 100_000_000),
            MaxItemsPath = PathField(cr, "MaxItemsPath", reference: true),
        };
    }

    private static ItemBatcherDefinition? ItemBatcher(FieldReader r)
    {
        if (r.ObjectField("ItemBatcher") is not { } o)
        {
            return null;
        }

        var br = new FieldReader(o, r.At("ItemBatcher"), r.Diagnostics);
        br.OnlyFields(BatcherFields);
        br.AtMostOne("MaxItemsPerBatch", "MaxItemsPerBatchPath");
        br.AtMostOne("MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
        if (!BatchLimitFields.Any(br.Has))
        {
            br.Fail("ItemBatcher needs at least one of the following fields: [MaxItemsPerBatch, MaxItemsPerBatchPath, MaxInputBytesPerBatch, MaxInputBytesPerBatchPath]");
        }

        return new ItemBatcherDefinition
        {
            MaxItemsPerBatch = br.Integer("MaxItemsPerBatch", 1, int.MaxValue),
            MaxItemsPerBatchPath = PathField(br, "MaxItemsPerBatchPath", reference: true),
            MaxInputBytesPerBatch = br.Integer("MaxInputBytesPerBatch", 1, Executions.ExecutionRunner.MaxPayloadBytes),
            MaxInputBytesPerBatchPath = PathField(br, "MaxInputBytesPerBatchPath", reference: true),
            BatchInput = Template(br, "BatchInput"),
        };
    }

    private static ResultWriterDefinition? ResultWriter(FieldReader r)
    {
        if (r.ObjectField("ResultWriter") is not { } o)
        {
            return null;
        }

        var wr = new FieldReader(o, r.At("ResultWriter"), r.Diagnostics);
        wr.OnlyFields(WriterFields);
        wr.Required("Resource", "Parameters");
        if (wr.String("Resource") is string resource && resource != "arn:aws:states:::s3:putObject")
        {
            wr.Fail($"The ResultWriter resource {resource} is not supported: use arn:aws:states:::s3:putObject", wr.At("Resource"));
        }

        return new ResultWriterDefinition { Parameters = Template(wr, "Parameters") };
    }
}
