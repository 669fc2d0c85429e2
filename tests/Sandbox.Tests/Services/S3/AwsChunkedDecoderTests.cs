using System.Net;
using System.Text;
using Course.Sandbox.Services.S3;

namespace Course.Sandbox.Tests.Services.S3;

public sealed class AwsChunkedDecoderTests
{
    [Fact]
    public void Decode_SignedChunksWithTrailer_ReturnsPayloadAndTrailers()
    {
        var body = Encoding.ASCII.GetBytes(
            "5;chunk-signature=abc\r\nhello\r\n6;chunk-signature=def\r\n world\r\n0;chunk-signature=000\r\n"
            + "x-amz-checksum-crc32:DUoRhQ==\r\nx-amz-trailer-signature:xyz\r\n\r\n");
        var (payload, trailers) = AwsChunkedDecoder.Decode(body);
        Assert.Equal("hello world", Encoding.ASCII.GetString(payload));
        Assert.Equal("DUoRhQ==", trailers["x-amz-checksum-crc32"]);
        Assert.Equal(S3Checksums.Compute("CRC32", payload), trailers["x-amz-checksum-crc32"]);
    }

    [Fact]
    public void Decode_TruncatedChunk_ThrowsIncompleteBody()
    {
        var error = Assert.Throws<S3Exception>(() => AwsChunkedDecoder.Decode(Encoding.ASCII.GetBytes("10\r\nshort\r\n")));
        Assert.Equal("IncompleteBody", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Theory]
    [InlineData("CRC32", "123456789", "y/Q5Jg==")]
    [InlineData("CRC32C", "123456789", "4waSgw==")]
    [InlineData("CRC64NVME", "123456789", "rosUhgp5mIg=")]
    public void Compute_CheckValue_MatchesStandard(string algorithm, string input, string expected) =>
        Assert.Equal(expected, S3Checksums.Compute(algorithm, Encoding.ASCII.GetBytes(input)));
}
