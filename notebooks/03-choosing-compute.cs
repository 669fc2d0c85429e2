// Lesson 03: Choosing compute: Lambda, Fargate, ECS Express Mode or EC2
// Generated from lessons/03-choosing-compute.md by `./course notebooks build`: edit the lesson, not this file.
// Run it from the repository root: dotnet run notebooks/03-choosing-compute.cs
#:project ../src/Lessons/Lessons.csproj
#:property GenerateDocumentationFile=false
#:property PublishAot=false

using Course.Sandbox.Pricing;

// ## Four places to run code
//
// Lesson 01 described what you stop doing when you go serverless. Not every workload fits Lambda,
// though, and AWS offers several other ways to run the same container or the same C# code. This
// lesson sorts them by the questions that decide most cases: how long does one unit of work run,
// does it need special hardware, how steady is the traffic, and who operates what.
//
// | | Lambda | ECS on Fargate | ECS Express Mode | EC2 |
// |---|---|---|---|---|
// | unit you deploy | a function (zip or container image) | a task definition and a service | one container image (plus two IAM roles) | an instance (AMI) |
// | longest unit of work | 15 minutes per invocation | as long as the task runs | as long as the task runs | as long as the instance runs |
// | GPUs | no | no | no (it runs on Fargate) | yes (GPU instance families) |
// | scales to zero | yes, and bills nothing while idle | a service that answers requests keeps at least one task running | as Fargate | no (you stop instances yourself) |
// | you pay for | requests and GB-seconds used | vCPU-hours and GB-hours while tasks run | the Fargate tasks and the load balancer it creates | instance-hours |
// | you operate | the code and its configuration | images, task sizes, scaling policies, load balancer | the image; ECS creates the rest with defaults you can change | the operating system, patching, capacity |
//
// ## Run time and hardware rule first
//
// Two limits decide before any price does. A Lambda invocation ends after at most **15 minutes**
// (900 seconds; the engine's `Limits.MaxTimeout`), and Lambda has **no GPUs**. A batch job that
// runs for an hour, a video transcode that needs a GPU, or a model you host yourself on a GPU, goes
// elsewhere: a long job to a Fargate task (or Step Functions to cut it into steps, lesson 10), GPU
// work to EC2 instances with GPUs. Calling a hosted model through Amazon Bedrock is different: the
// GPU is Bedrock's, and the Lambda function only waits for the answer (lesson 06).
//
// ## Traffic shape: idle time is Lambda's advantage
//
// Lambda bills nothing while nothing happens, so spiky and mostly idle traffic favours it. A Fargate
// task bills every hour it runs, busy or idle, which favours steady, sustained load. The engine's
// cost model finds the point where the two meet for a given function (lesson 09 explains the
// arithmetic):


var costs = new CostModel(PriceSheet.UsEast1);
var task = costs.Fargate(0.25, 0.5);   // one always-on task, 0.25 vCPU + 0.5 GB: $9.01 a month
foreach (var (ms, mb) in new[] { (20.0, 128), (100.0, 512), (200.0, 512), (500.0, 1024) })
{
    var n = costs.Crossover(task, TimeSpan.FromMilliseconds(ms), mb);
    Console.WriteLine($"{ms,5} ms at {mb,5} MB: Lambda costs more than one task above {n,12:N0} requests a month ({n / (730.0 * 3600),6:0.00} a second on average)");
}

// A function that answers in 200 ms at 512 MB passes one small task's monthly price at under two
// requests a second on average. That is a pricing fact, not a verdict: one 0.25 vCPU task may not
// carry the load, a load balancer costs extra, and Lambda needs no capacity planning at all.
//
// ## ECS on Fargate and ECS Express Mode
//
// **ECS on Fargate** runs your containers without servers to manage: you choose the vCPU and memory
// of a task, how many tasks a service keeps running and how it scales, and you put a load balancer
// in front of it. **ECS Express Mode** (introduced at re:Invent 2025) starts from a container image,
// a task execution role and an infrastructure role, and creates the rest with AWS's defaults: a
// Fargate cluster, the task definition (1 vCPU and 2 GB by default), a service with canary
// deployments and target-tracking auto scaling, an Application Load Balancer with an HTTPS listener
// and certificate, security groups, a log group and alarms. Every one of those resources stays an
// ordinary ECS or Elastic Load Balancing resource that you can change later.
//
// **App Runner is closed to new customers.**
//
// AWS App Runner, the older "image in, HTTPS service out" offering, is no longer open to new
// customers since 30 April 2026. Existing customers can keep using it, and AWS has said it plans no
// new features. For new work AWS recommends ECS Express Mode. Guides written before 2026 (the seed
// guide of this course among them) still recommend App Runner; treat that advice as outdated.
//
// ## EC2: control, at the price of operating it
//
// EC2 gives you the whole machine: any operating system setting, GPUs, local disks, long-lived
// processes, and usually the lowest price per vCPU-hour for steady, fully used capacity. In
// return you patch the operating system, plan capacity and replace failed instances (or run ECS or
// EKS on EC2 to have some of that done for you).
//
// **Challenge — Place the workload**
//
// Say where each of these should run, and which rule decides it:
//
// 1. A webhook receiver that gets a few hundred calls a day, each answered in 80 ms.
// 2. A nightly report that reads a database for 40 minutes.
// 3. A service that fine-tunes an open model on GPUs every week.
// 4. An internal HTTP API with steady traffic of 400 requests a second, all day, every day.
// 5. A new team's first containerised web app who want HTTPS and autoscaling without writing a template.
//
// <details><summary>Solution</summary>
//
// 1. **Lambda**: short, event-driven, idle most of the day; it costs nothing while idle (scale to zero).
// 2. **Fargate** (a scheduled ECS task) or Step Functions cutting it into steps: 40 minutes exceeds
//    Lambda's 15-minute limit.
// 3. **EC2** with GPU instances: neither Lambda nor Fargate offers GPUs.
// 4. **Fargate** (or ECS Express Mode): sustained traffic far beyond the crossover, where always-on
//    tasks cost less than per-request billing; check the task count the load needs.
// 5. **ECS Express Mode**: one image in, load balancer, HTTPS and scaling created with defaults, and
//    App Runner is not open to new customers.
//
// </details>
//
// **Challenge — Move the crossover**
//
// The 200 ms, 512 MB function above passes one small task's price at about 4.8 million requests a
// month. Its team cuts the duration to 50 ms by caching a lookup, and the load needs three tasks of
// 0.5 vCPU / 1 GB if it runs on Fargate. Where is the crossover now? Use the cost model.
//
// <details><summary>Hint</summary>
//
// `costs.Crossover(costs.Fargate(0.5, 1, tasks: 3), TimeSpan.FromMilliseconds(50), 512)`.
//
// </details>
//
// <details><summary>Solution</summary>
//
// Three 0.5 vCPU / 1 GB tasks cost 3 × 730 × (0.5 × $0.04048 + 1 × $0.004445) = $54.06 a month. At
// 50 ms and 512 MB a request costs $0.0000002 + 0.025 GB-s × $0.0000166667 ≈ $0.000000617, so
// Lambda costs more only above about 87.7 million requests a month (about 33 a second on average).
// Shorter functions and bigger fleets both push the crossover up.
//
// ```csharp
// using Course.Sandbox.Pricing;
//
// public static class MoveTheCrossover
// {
//     public static long Answer()
//     {
//         var costs = new CostModel(PriceSheet.UsEast1);
//         return costs.Crossover(costs.Fargate(0.5, 1, tasks: 3), TimeSpan.FromMilliseconds(50), 512);
//     }
// }
// ```
//
// </details>
//
// **Exercise [03-compute-advisor](../exercises/03-compute-advisor/README.md)** — check it with `./grade 03-compute-advisor`.
//
// Write the rules of this lesson as an advisor: GPU, run time, scale to zero, and the cost comparison
// with an always-on fleet. The checks send workloads you have not seen, one check per rule, and
// judge the cost rules with the engine's cost model.

// **Key points**
//
// - Lambda fits event-driven work that finishes within 15 minutes, needs no GPU and has idle time; it scales to zero and bills per request and GB-second.
// - ECS on Fargate runs containers for as long as you like without servers to manage, billed per vCPU-hour and GB-hour while tasks run; ECS Express Mode sets up the load balancer, scaling and HTTPS around a Fargate service from one image.
// - EC2 is for full control of the operating system and for GPUs; you operate the instances.
// - App Runner is no longer open to new customers (since 2026-04-30); AWS recommends ECS Express Mode instead.
