using Course.Sandbox.Templates.Model;
using Course.Sandbox.Templates.Yaml;

namespace Course.Sandbox.Templates.Transform;

/// <summary>
/// The SAM transform (<c>AWS::Serverless-2016-10-31</c>) for the serverless subset, as aws-sam-translator writes
/// it: Globals merged (SAM_01); Function, SimpleTable and HttpApi expanded to CloudFormation with SAM's logical ids,
/// properties and attributes (SAM_02–04); other resources, Parameters, Conditions, Mappings and Outputs kept.
/// An invalid template fails with SAM's message (SAM_05).
/// </summary>
public static class SamTransform
{
    /// <summary>The CloudFormation template the transform produces from <paramref name="template"/>.</summary>
    /// <exception cref="SamTransformException">The template is not a valid SAM template; every reason is listed.</exception>
    public static MappingNode Translate(Template template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var ctx = new TransformContext(template);
        var errors = new List<SamError>();
        if (GlobalsMerger.Validate(template.Globals) is { } globalsError)
        {
            throw new SamTransformException([globalsError]);
        }

        var apis = new List<(string Id, MappingNode Resource, MappingNode Props)>();
        foreach (var entry in template.Resources.Entries)
        {
            var id = entry.Key.Value;
            var resource = (MappingNode)entry.Value;
            var type = resource["Type"]!.AsString()!;
            ctx.CurrentMark = resource.Mark;
            try
            {
                if (resource["Properties"] is { } p and not MappingNode)
                {
                    throw new InvalidResource(p.Mark, id, "Properties of a resource must be an object.", "indent the properties under `Properties:`.");
                }
                var props = GlobalsMerger.Merge(template.Globals, type, resource["Properties"] as MappingNode);
                switch (type)
                {
                    case FunctionTranslator.Type:
                        FunctionTranslator.Translate(ctx, id, resource, props);
                        break;
                    case StateMachineTranslator.Type:
                        StateMachineTranslator.Translate(ctx, id, resource, props);
                        break;
                    case SimpleTableTranslator.Type:
                        SimpleTableTranslator.Translate(ctx, id, resource, props);
                        break;
                    case HttpApiTranslator.Type:
                        apis.Add((id, resource, props));
                        ctx.Add(id, resource);
                        break;
                    default:
                        if (type.StartsWith("AWS::Serverless::", StringComparison.Ordinal))
                        {
                            throw new InvalidResource(resource["Type"]!.Mark, id, $"the sandbox's transform does not translate {type} yet.", "the sandbox translates AWS::Serverless::Function, SimpleTable, HttpApi and StateMachine.");
                        }
                        ctx.Add(id, (MappingNode)resource.Clone());
                        break;
                }
            }
            catch (InvalidResource e)
            {
                errors.Add(e.ToError());
            }
            catch (TemplateException e)
            {
                errors.Add(new SamError(e.Mark, $"Resource with id [{id}] is invalid. {e.Problem}", e.Fix));
            }
        }

        foreach (var (id, resource, props) in apis)
        {
            ctx.CurrentMark = resource.Mark;
            try
            {
                HttpApiTranslator.Build(ctx, id, resource, props);
            }
            catch (InvalidResource e)
            {
                errors.Add(e.ToError());
            }
        }
        if (ctx.Routes.TryGetValue("ServerlessHttpApi", out var implicitRoutes) && template.Resources["ServerlessHttpApi"] is null)
        {
            ctx.CurrentMark = implicitRoutes[0].Mark;
            HttpApiTranslator.Build(ctx, "ServerlessHttpApi", null, GlobalsMerger.Merge(template.Globals, HttpApiTranslator.Type, null));
        }
        if (errors.Count > 0)
        {
            throw new SamTransformException(errors);
        }
        foreach (var pass in ctx.LatePasses)
        {
            pass();
        }

        var output = new MappingNode(template.Root.Mark);
        foreach (var section in template.Root.Entries)
        {
            if (section.Key.Value is "Transform" or "Globals")
            {
                continue;
            }
            output.Set(section.Key.Value, section.Key.Value == "Resources" ? ctx.Output : section.Value.Clone(), section.Key.Mark);
        }
        return output;
    }
}
