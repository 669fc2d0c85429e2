// Lesson 07: Infrastructure as code: one SAM template, run here, deployed there
// Generated from lessons/07-iac-sam.md by `./course notebooks build`: edit the lesson, not this file.
// Run it from the repository root: dotnet run notebooks/07-iac-sam.cs
#:project ../src/Lessons/Lessons.csproj
#:property GenerateDocumentationFile=false
#:property PublishAot=false

using Amazon.DynamoDBv2.Model;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Course.Lambda.Core;
using Course.Lambda.S3Events;
using Course.Lessons.Display;
using Course.Sandbox.Hosting;
using Course.Sandbox.Templates.Deploy;
using Course.Sandbox.Templates.Model;
using Course.Sandbox.Templates.Transform;
using Course.Sandbox.Templates.Yaml;
using Course.Sandbox;

// ## One file for the whole application
//
// In lesson 05 we wired every trigger by hand: deploy a function, create a bucket, add a notification,
// grant nothing because nothing checked. On AWS, all of that is configuration that has to exist
// before the first event arrives: the function, its execution role, the bucket, the notification,
// the permission that lets S3 invoke the function, the table. **Infrastructure as code** writes it
// down in one file that a tool turns into resources, the same way every time, in every account.
//
// The guide's document processor, with its runtime turned into .NET, is such a file
// (`samples/document-processor/template.yaml`):
//
// ```yaml
// AWSTemplateFormatVersion: '2010-09-09'
// Transform: AWS::Serverless-2016-10-31
// Globals:
//   Function:
//     Runtime: dotnet8
//     MemorySize: 1024
//     Timeout: 30
//     Environment:
//       Variables:
//         TABLE_NAME: !Ref DocumentTable
// Resources:
//   DocumentProcessor:
//     Type: AWS::Serverless::Function
//     Properties:
//       Handler: DocumentProcessor::DocumentProcessor.Function::FunctionHandler
//       CodeUri: src/DocumentProcessor/
//       Policies:
//         - S3ReadPolicy:
//             BucketName: !Sub "${AWS::StackName}-documents-${AWS::AccountId}"
//         - DynamoDBWritePolicy:
//             TableName: !Ref DocumentTable
//         - Statement:
//             Effect: Allow
//             Action: bedrock:InvokeModel
//             Resource: '*'
//       Events:
//         S3Upload:
//           Type: S3
//           Properties:
//             Bucket: !Ref DocumentBucket
//             Events: s3:ObjectCreated:*
//   DocumentBucket:
//     Type: AWS::S3::Bucket
//     Properties:
//       BucketName: !Sub "${AWS::StackName}-documents-${AWS::AccountId}"
//   DocumentTable:
//     Type: AWS::Serverless::SimpleTable
//     Properties:
//       PrimaryKey:
//         Name: document_id
//         Type: String
// ```
//
// `Globals` applies to every function (a function's own value wins; maps merge, lists append).
// `Handler` is how the .NET runtime finds your code: `Assembly::Namespace.Type::Method`.
//
// ## SAM, the Serverless Framework and the CDK
//
// All three end in a CloudFormation stack; they differ in what you write and who maintains the tool.
//
// | | you write | becomes CloudFormation by | status (as their vendors document it) |
// |---|---|---|---|
// | **AWS SAM** | YAML/JSON: CloudFormation plus `AWS::Serverless::*` types | the SAM transform, run by CloudFormation itself; the SAM CLI adds `sam build`, `sam local`, `sam deploy` | AWS's open-source framework; the transform (aws-sam-translator) and the CLI are developed on GitHub by AWS |
// | **Serverless Framework** | `serverless.yml`, with plugins | the `serverless` CLI, which generates the template and deploys it | Serverless Framework V.4 (GA May 2024) is free for individual developers and organisations with up to $2 million annual revenue; larger organisations need a commercial subscription |
// | **AWS CDK** | TypeScript, Python, Java, C#, Go code with constructs | `cdk synth` runs your program and writes the template; `cdk deploy` deploys it | AWS's framework (v2); C# is a first-class language |
//
// SAM keeps the template as the source of truth, which is also what CloudFormation shows you when
// something fails. The CDK is the choice when the infrastructure itself needs loops, functions and
// types. The Serverless Framework's draw was a concise YAML and its plugins; check its licence terms
// for your organisation.
//
// ## What the transform produces
//
// The simulator contains the same transform for the serverless subset; `course sam translate
// template.yaml` prints its output. Here it is in code, so we can look at pieces:


var templateText = """
    Transform: AWS::Serverless-2016-10-31
    Globals:
      Function:
        Runtime: dotnet8
        MemorySize: 1024
        Timeout: 30
        Environment:
          Variables:
            TABLE_NAME: !Ref DocumentTable
    Resources:
      DocumentProcessor:
        Type: AWS::Serverless::Function
        Properties:
          Handler: DocumentProcessor::DocumentProcessor.Function::FunctionHandler
          InlineCode: "// the handler class is given to the simulator below"
          Policies:
            - S3ReadPolicy:
                BucketName: !Sub "${AWS::StackName}-documents-${AWS::AccountId}"
            - DynamoDBWritePolicy:
                TableName: !Ref DocumentTable
          Events:
            S3Upload:
              Type: S3
              Properties:
                Bucket: !Ref DocumentBucket
                Events: s3:ObjectCreated:*
      DocumentBucket:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: !Sub "${AWS::StackName}-documents-${AWS::AccountId}"
      DocumentTable:
        Type: AWS::Serverless::SimpleTable
        Properties:
          PrimaryKey:
            Name: document_id
            Type: String
    """;
var template = TemplateLoader.Parse(templateText, "template.yaml");
var cloudFormation = SamTransform.Translate(template);
foreach (var resource in ((MappingNode)cloudFormation["Resources"]!).Entries)
    Console.WriteLine($"{resource.Key.Value,-38} {((MappingNode)resource.Value)["Type"]!.AsString()}");

// Three resources became five: the function, **`DocumentProcessorRole`**, the permission
// **`DocumentProcessorS3UploadPermission`** that lets `s3.amazonaws.com` invoke the function, the
// bucket (now with a `NotificationConfiguration` and a `DependsOn` on that permission) and the table
// (`PAY_PER_REQUEST`, key `document_id` of type `S`). The names follow the transform's rules, so
// they are the names you will see in the CloudFormation console.
//
// The role is where the policies went. `DynamoDBWritePolicy` is a *policy template*: three actions,
// on this one table and its indexes.

var role = (MappingNode)((MappingNode)cloudFormation["Resources"]!)["DocumentProcessorRole"]!;
Console.WriteLine(TemplateWriter.ToYaml(((MappingNode)role["Properties"]!)["ManagedPolicyArns"]!));
Console.WriteLine(TemplateWriter.ToYaml(((SequenceNode)((MappingNode)role["Properties"]!)["Policies"]!).Items[1]));

// ## Run it before you deploy it
//
// The handler reads the uploaded object and writes one item:

// `StackDeployer` deploys every resource of the template into one simulation, attaches the role to
// the function, and from then on checks every SDK call the function makes against it:


var sim = new Simulation(new SimulationOptions { Seed = 7 });
var stack = StackDeployer.Deploy(sim, template, code => HandlerFactory.FromType(typeof(DocumentFunction), "FunctionHandler"));
sim.Services.S3.PutObject(stack.PhysicalIds["DocumentBucket"], "reports/q3 summary.txt", "Revenue grew in the third quarter.");
sim.RunFor(TimeSpan.FromMinutes(1));
Console.WriteLine(sim.Services.DynamoDb.Invoke("Scan", $$"""{"TableName":"{{stack.PhysicalIds["DocumentTable"]}}"}"""));
Show.Logs(sim);

// The bucket and table got CloudFormation-style generated names (`sam-app-documentbucket-…`),
// because the template does not name them; the function reads the table's name from `TABLE_NAME`,
// which `!Ref DocumentTable` filled in. Account `123456789012` and the names' suffixes are the
// simulator's; on AWS they are yours.
//
// ## Least privilege, and what a missing grant looks like
//
// Give the function only `DynamoDBReadPolicy` and upload again:

var readOnly = TemplateLoader.Parse(templateText.Replace("DynamoDBWritePolicy", "DynamoDBReadPolicy"), "template.yaml");
var sim2 = new Simulation(new SimulationOptions { Seed = 7 });
var stack2 = StackDeployer.Deploy(sim2, readOnly, code => HandlerFactory.FromType(typeof(DocumentFunction), "FunctionHandler"));
sim2.Services.S3.PutObject(stack2.PhysicalIds["DocumentBucket"], "a.txt", "one two");
sim2.RunFor(TimeSpan.FromMinutes(4));
Show.Logs(sim2);

// The `PutItem` fails with IAM's message: `User: arn:aws:sts::123456789012:assumed-role/<role>/<function>
// is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:…:table/… because no
// identity-based policy allows the dynamodb:PutItem action`. IAM allows a call only when a statement
// allows that action on that resource and none denies it. Because S3 invokes the function
// asynchronously, Lambda retries the failed event (lesson 05), and each retry fails the same way:
// a permission error is not transient.
//
// The opposite mistake is quieter: the guide's template also grants `bedrock:InvokeModel` on `*`,
// and this handler never calls Bedrock. `course sam policy-check -t template.yaml --scenario
// scenario.yaml` lists each granted action beside how often the code used it, and flags `*`
// resources and grants never used.
//
// **Challenge — Tighten the grant**
//
// The processor later summarises each document with one model, `anthropic.claude-3-5-haiku-20241022-v1:0`.
// Replace the `Resource: '*'` of the Bedrock statement with the narrowest resource that still works.
//
// <details><summary>Solution</summary>
//
// Foundation models have ARNs without an account:
// `Resource: !Sub arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0`.
// (On Bedrock today you would pick a model that has not been retired; the resource shape is the same.)
//
// </details>
//
// **Challenge — Predict the transform**
//
// Add a second event to `DocumentProcessor`: an SQS queue `Retries` (a new `AWS::SQS::Queue` resource)
// with `Type: SQS` and `Queue: !GetAtt Retries.Arn`. Which resource does the transform add, under
// which logical id, and what changes in `DocumentProcessorRole`? Check your answer with
// `course sam translate`.
//
// <details><summary>Solution</summary>
//
// An `AWS::Lambda::EventSourceMapping` named `DocumentProcessor<EventName>` (the function's id plus
// the event's name) with `FunctionName: !Ref DocumentProcessor` and the queue's ARN as
// `EventSourceArn`. No permission resource: Lambda polls the queue, so instead the role's
// `ManagedPolicyArns` gains `service-role/AWSLambdaSQSQueueExecutionRole` (receive, delete, get
// attributes on any queue). The queue's visibility timeout must be at least the function's 30 s
// timeout, or the mapping cannot be created (lesson 05).
//
// </details>
//
// ## From the sandbox to AWS
//
// | here | on AWS |
// |---|---|
// | `course local invoke -t template.yaml DocumentProcessor -e event.json` | `sam local invoke DocumentProcessor -e event.json` (runs the function in a container) |
// | `course local run -t template.yaml --scenario scenario.yaml` | deploy to a test stack and upload for real |
// | `course local start-api -t template.yaml` | `sam local start-api` |
// | `course sam translate template.yaml` | `sam validate` (runs the transform's checks); the stack's processed template in the CloudFormation console |
// | `course export . --out ../aws` | `sam build` and `sam deploy --guided` in the exported folder |
//
// The export rewrites `Course.Lambda.*` usings to `Amazon.Lambda.*` and writes a csproj per function
// with the `Amazon.Lambda.*` and `AWSSDK.*` packages it needs; the template is the same file.
//
// Why the bucket has a name: had `S3ReadPolicy` taken a `!Ref DocumentBucket` while the bucket's
// notification invokes the same function, the bucket would depend on the function's permission, the
// permission on the function, the function on its role, and the role on the bucket — and CloudFormation
// refuses such a stack with "Circular dependency between resources". So this page's template names the
// bucket (`BucketName: !Sub ${AWS::StackName}-documents-${AWS::AccountId}`) and gives the policy the same
// `!Sub` instead of a `!Ref`. `course local run`, `local invoke` and the exercise's grader refuse the
// circular form with the same message, as `sam deploy` would.
//
// **Exercise [10-sam-template](../exercises/10-sam-template/README.md)** — check it with `./grade 10-sam-template`.
//
// Write the template around a finished handler: the upload event with its prefix filter, the table's
// name in the environment, read and write grants scoped to one bucket and one table, and no `*`.

// **Key points**
//
// - A SAM template is a CloudFormation template with `Transform: AWS::Serverless-2016-10-31`: the transform expands each `AWS::Serverless::*` resource into plain CloudFormation (a function, its role, permissions, event source mappings).
// - A function without `Role` gets `<Function>Role` with AWSLambdaBasicExecutionRole plus what its Policies say; every other call its code makes is denied.
// - Policy templates (`DynamoDBWritePolicy`, `S3ReadPolicy`, …) are scoped to one resource; `*` resources and unused actions are what a least-privilege review removes.
// - Run the template locally (`course local run`), check the grants against what the code used (`course sam policy-check`), then export and `sam deploy` the same file.

// Types used above. C# wants top-level statements before type declarations, so they come last here.


public sealed class DocumentFunction
{
    private readonly AmazonS3Client _s3 = new();
    private readonly AmazonDynamoDBClient _db = new();
    private readonly string _table = Environment.GetEnvironmentVariable("TABLE_NAME")!;

    public async Task FunctionHandler(S3Event evt, ILambdaContext context)
    {
        foreach (var record in evt.Records)
        {
            var key = Uri.UnescapeDataString(record.S3.Object.Key.Replace('+', ' '));
            using var obj = await _s3.GetObjectAsync(record.S3.Bucket.Name, key);
            var words = (await new System.IO.StreamReader(obj.ResponseStream).ReadToEndAsync()).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            await _db.PutItemAsync(new PutItemRequest(_table, new()
            {
                ["document_id"] = new AttributeValue(key),
                ["words"] = new AttributeValue { N = words.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }));
        }
    }
}
