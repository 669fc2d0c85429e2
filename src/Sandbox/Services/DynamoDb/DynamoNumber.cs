using System.Globalization;
using System.Numerics;
using System.Text;

namespace Course.Sandbox.Services.DynamoDb;

/// <summary>
/// A DynamoDB number: an exact decimal of up to 38 significant digits, magnitude between 1E-130 and
/// 9.99…E+125, kept as mantissa × 10^exponent (normalized: no trailing zeros in the mantissa) so
/// comparisons and arithmetic are exact, and printed in DynamoDB's canonical form.
/// </summary>
internal readonly struct DynamoNumber : IComparable<DynamoNumber>, IEquatable<DynamoNumber>
{
    private readonly BigInteger _mantissa;
    private readonly int _exponent;

    private DynamoNumber(BigInteger mantissa, int exponent)
    {
        if (mantissa.IsZero)
        {
            _mantissa = BigInteger.Zero;
            _exponent = 0;
            return;
        }

        while (mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }

        _mantissa = mantissa;
        _exponent = exponent;
    }

    /// <summary>Parses a number in DynamoDB's accepted syntax; throws ValidationException with DynamoDB's wording.</summary>
    public static DynamoNumber Parse(string text)
    {
        if (!TryParseSyntax(text, out var number))
        {
            throw DynamoDbErrors.Validation("A value provided cannot be converted into a number");
        }

        if (number._mantissa.IsZero)
        {
            return number;
        }

        var digits = BigInteger.Abs(number._mantissa).ToString(CultureInfo.InvariantCulture).Length;
        if (digits > 38)
        {
            throw DynamoDbErrors.Validation("Attempting to store more than 38 significant digits in a Number");
        }

        // Magnitude = 0.d1d2… × 10^(digits + exponent); allowed range is [1E-130, 1E126).
        var order = digits + number._exponent;
        if (order > 126)
        {
            throw DynamoDbErrors.Validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }

        if (order < -129)
        {
            throw DynamoDbErrors.Validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }

        return number;
    }

    private static bool TryParseSyntax(string text, out DynamoNumber number)
    {
        number = default;
        var i = 0;
        var negative = false;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            negative = text[i] == '-';
            i++;
        }

        var digits = new StringBuilder();
        var fractionDigits = 0;
        var any = false;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            digits.Append(text[i++]);
            any = true;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                digits.Append(text[i++]);
                fractionDigits++;
                any = true;
            }
        }

        if (!any)
        {
            return false;
        }

        var exponent = 0;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            var start = i;
            if (i < text.Length && (text[i] == '-' || text[i] == '+'))
            {
                i++;
            }

            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (!int.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return false;
            }
        }

        if (i != text.Length)
        {
            return false;
        }

        var mantissa = BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture);
        number = new DynamoNumber(negative ? -mantissa : mantissa, exponent - fractionDigits);
        return true;
    }

    /// <summary>The sum of two numbers (exact), validated against DynamoDB's range.</summary>
    public static DynamoNumber operator +(DynamoNumber a, DynamoNumber b)
    {
        var e = Math.Min(a._exponent, b._exponent);
        var sum = (a._mantissa * BigInteger.Pow(10, a._exponent - e)) + (b._mantissa * BigInteger.Pow(10, b._exponent - e));
        return Parse(new DynamoNumber(sum, e).ToString());
    }

    /// <summary>The difference of two numbers (exact).</summary>
    public static DynamoNumber operator -(DynamoNumber a, DynamoNumber b) => a + new DynamoNumber(-b._mantissa, b._exponent);

    /// <inheritdoc/>
    public int CompareTo(DynamoNumber other)
    {
        var signCompare = _mantissa.Sign.CompareTo(other._mantissa.Sign);
        if (signCompare != 0 || _mantissa.IsZero)
        {
            return signCompare;
        }

        var e = Math.Min(_exponent, other._exponent);
        var left = _mantissa * BigInteger.Pow(10, _exponent - e);
        var right = other._mantissa * BigInteger.Pow(10, other._exponent - e);
        return left.CompareTo(right);
    }

    /// <inheritdoc/>
    public bool Equals(DynamoNumber other) => _mantissa == other._mantissa && _exponent == other._exponent;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DynamoNumber n && Equals(n);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_mantissa, _exponent);

    /// <summary>Canonical text: no exponent, no trailing fractional zeros, no leading zeros (as DynamoDB returns it).</summary>
    public override string ToString()
    {
        if (_mantissa.IsZero)
        {
            return "0";
        }

        var digits = BigInteger.Abs(_mantissa).ToString(CultureInfo.InvariantCulture);
        var sign = _mantissa.Sign < 0 ? "-" : string.Empty;
        if (_exponent >= 0)
        {
            return sign + digits + new string('0', _exponent);
        }

        var point = digits.Length + _exponent;
        return point > 0
            ? sign + digits[..point] + "." + digits[point..]
            : sign + "0." + new string('0', -point) + digits;
    }
}
