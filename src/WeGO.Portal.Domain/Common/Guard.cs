namespace WeGO.Portal.Domain.Common;

internal static class Require
{
    public static string Text(string? value, string code, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(code);
        }

        return trimmed.Length <= maxLength ? trimmed : throw new DomainException("Domain.TooLong", maxLength);
    }

    public static string? OptionalText(string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= maxLength ? trimmed : throw new DomainException("Domain.TooLong", maxLength);
    }
}
