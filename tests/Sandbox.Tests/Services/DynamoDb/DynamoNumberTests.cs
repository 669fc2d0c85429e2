using Course.Sandbox.Services.DynamoDb;
using CsCheck;

namespace Course.Sandbox.Tests.Services.DynamoDb;

public sealed class DynamoNumberTests
{
    [Theory]
    [InlineData("001.50", "1.5")]
    [InlineData("-0", "0")]
    [InlineData("1e3", "1000")]
    [InlineData("1.25E-2", "0.0125")]
    [InlineData("+7", "7")]
    [InlineData("12345678901234567890123456789012345678", "12345678901234567890123456789012345678")]
    public void Parse_Valid_PrintsCanonicalForm(string text, string expected) =>
        Assert.Equal(expected, DynamoNumber.Parse(text).ToString());

    [Theory]
    [InlineData("abc", "A value provided cannot be converted into a number")]
    [InlineData("1.2.3", "A value provided cannot be converted into a number")]
    [InlineData("", "A value provided cannot be converted into a number")]
    [InlineData("123456789012345678901234567890123456789", "Attempting to store more than 38 significant digits in a Number")]
    [InlineData("1e126", "Number overflow. Attempting to store a number with magnitude larger than supported range")]
    [InlineData("1e-131", "Number underflow. Attempting to store a number with magnitude smaller than supported range")]
    public void Parse_Invalid_ThrowsDynamoDbMessage(string text, string expected) =>
        Assert.Equal(expected, Assert.Throws<DynamoDbException>(() => DynamoNumber.Parse(text)).Message);

    [Fact]
    public void Compare_AgreesWithDecimal() =>
        Gen.Select(Gen.Decimal.Select(d => decimal.Round(d, 6)), Gen.Decimal.Select(d => decimal.Round(d, 6))).Sample(p =>
        {
            var (a, b) = p;
            var x = DynamoNumber.Parse(a.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var y = DynamoNumber.Parse(b.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Math.Sign(x.CompareTo(y)) == Math.Sign(a.CompareTo(b));
        });

    [Fact]
    public void Add_AgreesWithDecimal() =>
        Gen.Select(Gen.Int.Select(i => i / 100m), Gen.Int.Select(i => i / 100m)).Sample(p =>
        {
            var (a, b) = p;
            var sum = DynamoNumber.Parse(a.ToString(System.Globalization.CultureInfo.InvariantCulture))
                + DynamoNumber.Parse(b.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return decimal.Parse(sum.ToString(), System.Globalization.CultureInfo.InvariantCulture) == a + b;
        });
}
