using System;
using System.Diagnostics.CodeAnalysis;

namespace Contact.Server.Domain.Postcodes;

/// <summary>
/// A syntactically valid UK postcode in its normalised form "OUTWARD INWARD"
/// (upper case, one space), e.g. "SW1A 1AA".
/// </summary>
/// <remarks>
/// Validation follows the Royal Mail / BS 7666 format rules, so a value here may still be a
/// postcode that does not exist; whether it does is a question for the postcode table.
/// <c>default(Postcode)</c> is empty: <see cref="Value"/> and every part are "".
/// </remarks>
public readonly record struct Postcode
{
    // Letters allowed in each position of the outward code (BS 7666). Checking positions, not
    // just the A9/AA9A shapes, is what rejects e.g. "Q1 1AA" or "AZ1 1AA".
    private const string FirstLetters = "ABCDEFGHIJKLMNOPRSTUWYZ"; // not Q, V, X
    private const string SecondLetters = "ABCDEFGHKLMNOPQRSTUVWXY"; // not I, J, Z
    private const string ThirdLetters = "ABCDEFGHJKPSTUW"; // A9A districts
    private const string FourthLetters = "ABEHMNPRVWXY"; // AA9A districts

    // The inward letters avoid C, I, K, M, O, V because they are easily misread in handwriting.
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    // Girobank's historic postcode breaks the rules above but is still issued.
    private const string Girobank = "GIR 0AA";

    // Long enough for any spacing a person might type, short enough to refuse junk cheaply.
    private const int MaxInputLength = 32;

    private readonly string? _value;

    private Postcode(string value) => _value = value;

    /// <summary>The normalised form, e.g. "SW1A 1AA".</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The outward code (postcode district), e.g. "SW1A".</summary>
    public string Outward => _value is null ? string.Empty : _value[..^4];

    /// <summary>The inward code, e.g. "1AA".</summary>
    public string Inward => _value is null ? string.Empty : _value[^3..];

    /// <summary>The postcode area: the outward code's leading letters, e.g. "SW" or "M".</summary>
    public string Area
    {
        get
        {
            if (_value is null)
            {
                return string.Empty;
            }

            var length = 0;
            while (length < _value.Length && char.IsAsciiLetter(_value[length]))
            {
                length++;
            }

            return _value[..length];
        }
    }

    /// <summary>The postcode sector: the outward code plus the inward digit, e.g. "SW1A 1".</summary>
    public string Sector => _value is null ? string.Empty : _value[..^2];

    public override string ToString() => Value;

    /// <summary>Parses a full postcode, throwing <see cref="FormatException"/> if it is not one.</summary>
    public static Postcode Parse(string text) =>
        TryParse(text, out var postcode)
            ? postcode
            : throw new FormatException($"'{text}' is not a valid UK postcode.");

    /// <summary>
    /// Parses a full postcode, tolerating lower case, surrounding whitespace and a missing or
    /// repeated space between the outward and inward codes ("sw1a1aa", "M1  1AE").
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Postcode postcode)
    {
        postcode = default;
        if (text is null || text.Length > MaxInputLength)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[7];
        var length = 0;
        var gaps = 0;
        var gapAt = -1;
        var previousWasSpace = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (!previousWasSpace)
                {
                    gaps++;
                    gapAt = length;
                }

                previousWasSpace = true;
                continue;
            }

            previousWasSpace = false;
            if (length == buffer.Length || !TryNormaliseChar(c, out buffer[length]))
            {
                return false;
            }

            length++;
        }

        // Whitespace is only tolerated where the outward and inward codes meet, so "SW1A1 AA"
        // is refused rather than guessed at.
        if (length < 5 || gaps > 1 || (gaps == 1 && gapAt != length - 3))
        {
            return false;
        }

        var outward = buffer[..(length - 3)];
        var inward = buffer[(length - 3)..length];
        var normalised = string.Concat(outward, " ", inward);
        if (normalised == Girobank || (IsValidOutward(outward) && IsValidInward(inward)))
        {
            postcode = new Postcode(normalised);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Parses an outward code on its own ("NG1", "sw1a"), for searches by district.
    /// On success <paramref name="district"/> is the upper-case district; otherwise "".
    /// </summary>
    public static bool TryParseDistrict([NotNullWhen(true)] string? text, out string district)
    {
        district = string.Empty;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length is < 2 or > 4)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[4];
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (!TryNormaliseChar(trimmed[i], out buffer[i]))
            {
                return false;
            }
        }

        var outward = buffer[..trimmed.Length];
        if (!IsValidOutward(outward) && !outward.SequenceEqual("GIR"))
        {
            return false;
        }

        district = new string(outward);
        return true;
    }

    // ASCII only: culture-aware upper-casing would let e.g. the Turkish dotless i through as "I".
    private static bool TryNormaliseChar(char c, out char normalised)
    {
        if (char.IsAsciiLetterLower(c))
        {
            normalised = (char)(c - ('a' - 'A'));
            return true;
        }

        normalised = c;
        return char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);
    }

    // Outward shapes: A9, A99, AA9, AA99, A9A, AA9A.
    private static bool IsValidOutward(ReadOnlySpan<char> o)
    {
        if (o.Length is < 2 or > 4 || !FirstLetters.Contains(o[0]))
        {
            return false;
        }

        if (char.IsAsciiDigit(o[1]))
        {
            return o.Length switch
            {
                2 => true, // A9
                3 => char.IsAsciiDigit(o[2]) || ThirdLetters.Contains(o[2]), // A99, A9A
                _ => false,
            };
        }

        if (!SecondLetters.Contains(o[1]) || o.Length < 3 || !char.IsAsciiDigit(o[2]))
        {
            return false;
        }

        return o.Length switch
        {
            3 => true, // AA9
            _ => char.IsAsciiDigit(o[3]) || FourthLetters.Contains(o[3]), // AA99, AA9A
        };
    }

    // Inward shape: 9AA.
    private static bool IsValidInward(ReadOnlySpan<char> i) =>
        i.Length == 3
        && char.IsAsciiDigit(i[0])
        && InwardLetters.Contains(i[1])
        && InwardLetters.Contains(i[2]);
}
