namespace WeGO.Portal.Domain.Common;

/// <summary>A business rule refused an action. <see cref="Code"/> names a localized message
/// (Messages.resx); <see cref="Arguments"/> fill its placeholders.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, params object[] arguments)
        : base(code)
    {
        Code = code;
        Arguments = arguments;
    }

    public DomainException()
        : this("Domain.RuleBroken") { }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = message;
        Arguments = [];
    }

    public string Code { get; }

    public IReadOnlyList<object> Arguments { get; }
}
