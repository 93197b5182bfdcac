using FluentValidation;
using Mediator;

namespace WeGO.Portal.Application.Common.Behaviors;

/// <summary>Runs every validator of a message before its handler; failures stop the message with a
/// <see cref="RequestValidationException"/> that the page turns into field errors.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken
    )
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new RequestValidationException(typeof(TMessage), failures);
        }

        return await next(message, cancellationToken);
    }
}
