using Course.Lambda.Core;

namespace ColdStartTuning;

/// <summary>A price lookup: the SKU to price.</summary>
public sealed record PriceRequest(string Sku);

/// <summary>The price of a SKU (0 when unknown).</summary>
public sealed record PriceResponse(string Sku, decimal Price);

/// <summary>A price API behind a latency SLO. Run `./grade exercises/11-cold-start-tuning` to check it.</summary>
public class Function
{
    // TODO (task 2): the function's configuration, read by the grader. Pick the cheapest one that meets the SLO.
    public const int MemoryMB = 512;               // 128–10240
    public const int ProvisionedConcurrency = 0;   // environments kept initialised (billed while enabled)
    public const bool SnapStart = false;           // restore a snapshot instead of running INIT (not with provisioned concurrency)

    private readonly Dictionary<string, decimal> _prices;
    private readonly PdfRenderer _renderer;

    public Function()
    {
        // INIT: runs once per execution environment, on the request path of every cold start.
        _prices = PriceCatalogue.Load();    // 300 ms: every request needs the prices
        _renderer = PdfRenderer.WarmUp();   // 1,200 ms: only the (rare) invoice route uses it
        // TODO (task 1): does every environment need the renderer before its first request?
    }

    public PriceResponse FunctionHandler(PriceRequest request, ILambdaContext context)
    {
        if (request.Sku == "invoice")
        {
            return new PriceResponse("invoice", _renderer.Render(_prices.Count));
        }

        Thread.Sleep(30);   // the lookup's own work: 30 ms
        return new PriceResponse(request.Sku, _prices.GetValueOrDefault(request.Sku));
    }
}

/// <summary>Loads the price catalogue (300 ms of waiting on a download, on the virtual clock).</summary>
public static class PriceCatalogue
{
    public static Dictionary<string, decimal> Load()
    {
        Thread.Sleep(300);
        return new Dictionary<string, decimal> { ["sku-1"] = 9.99m, ["sku-2"] = 24.50m, ["sku-3"] = 3.20m };
    }
}

/// <summary>An invoice renderer whose warm-up (fonts, templates) takes 1,200 ms.</summary>
public sealed class PdfRenderer
{
    private PdfRenderer()
    {
    }

    public static PdfRenderer WarmUp()
    {
        Thread.Sleep(1200);
        return new PdfRenderer();
    }

    public decimal Render(int lines)
    {
        Thread.Sleep(200);
        return lines;
    }
}
