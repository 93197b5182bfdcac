using FluentValidation;
using FluentValidation.Results;

namespace WeGO.Portal.Application.Common;

/// <summary>A request failed validation. Knows which request type it was, so a page that binds several
/// forms can put each message next to the right field.</summary>
public sealed class RequestValidationException : ValidationException
{
    public RequestValidationException(Type requestType, IEnumerable<ValidationFailure> failures)
        : base(failures)
    {
        RequestType = requestType;
    }

    public RequestValidationException(string message)
        : base(message)
    {
        RequestType = typeof(object);
    }

    public RequestValidationException(string message, Exception innerException)
        : base(message, [], false)
    {
        RequestType = innerException.GetType();
    }

    public RequestValidationException()
        : this("Validation failed.") { }

    public Type RequestType { get; }
}
