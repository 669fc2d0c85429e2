using System.Text;
using System.Text.Json;
using Course.Lambda.Serialization.SystemTextJson;

namespace Course.Lambda.Tests.Serialization;

public sealed class DefaultLambdaJsonSerializerTests
{
    private sealed class Sample
    {
        public DateTime When { get; set; }

        public MemoryStream? Data { get; set; }

        public string? MaybeNull { get; set; }
    }

    private static readonly DefaultLambdaJsonSerializer Serializer = new();

    private static Sample Read(string json) => Serializer.Deserialize<Sample>(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static string Write(Sample value)
    {
        using var stream = new MemoryStream();
        Serializer.Serialize(value, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [InlineData("\"2026-01-01T10:00:00Z\"")]
    [InlineData("\"2026-01-01T10:00:00.000Z\"")]
    [InlineData("\"2026-01-01T12:00:00+02:00\"")]
    [InlineData("1767261600")]
    [InlineData("1767261600000")]
    public void Deserialize_DateTimeAsIsoOrEpoch_ReadsUtc(string value)
    {
        var sample = Read($$"""{"when": {{value}}}""");

        Assert.Equal(new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc), sample.When);
        Assert.Equal(DateTimeKind.Utc, sample.When.Kind);
    }

    [Fact]
    public void Serialize_DateTime_WritesIsoUtcWithMilliseconds_AndOmitsNulls()
    {
        var json = Write(new Sample { When = new DateTime(2026, 1, 1, 10, 0, 0, 5, DateTimeKind.Unspecified) });

        Assert.Equal("{\"when\":\"2026-01-01T10:00:00.005Z\"}", json);
    }

    [Fact]
    public void MemoryStream_RoundTripsAsBase64()
    {
        var sample = Read("""{"when": 0, "data": "AAEqQQ=="}""");

        Assert.Equal(new byte[] { 0, 1, 42, 65 }, sample.Data!.ToArray());
        Assert.Contains("\"data\":\"AAEqQQ==\"", Write(sample), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"data": "not base64!"}""")]
    [InlineData("""{"data": 5}""")]
    [InlineData("""{"when": "yesterday"}""")]
    [InlineData("""{"when": true}""")]
    public void Deserialize_BadBinaryOrDate_ThrowsJsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => Read(json));

    [Fact]
    public void Deserialize_IsCaseInsensitive_AndNamingPolicyLowersFirstLetter()
    {
        var sample = Read("""{"MAYBENULL": "x", "WHEN": 0}""");

        Assert.Equal("x", sample.MaybeNull);
        Assert.Equal("{\"when\":\"1970-01-01T00:00:00.000Z\",\"maybeNull\":\"x\"}", Write(sample));
    }

    [Fact]
    public void Constructor_Customize_AdjustsOptions()
    {
        var serializer = new DefaultLambdaJsonSerializer(o => o.WriteIndented = true);

        Assert.True(serializer.Options.WriteIndented);
        Assert.False(DefaultLambdaJsonSerializer.CreateDefaultOptions().WriteIndented);
    }
}
