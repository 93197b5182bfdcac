using Mediator;

namespace WeGO.Portal.Application.Common.Behaviors;

/// <summary>Lets a message through only when its type's declaration (<see cref="AllowedToAttribute"/>,
/// <see cref="PublicAttribute"/>, <see cref="ForTheSystemAttribute"/>) allows the current actor; a type without one
/// runs for no one. The page's policy is the first door, this is the second: a page that forgets its attribute
/// still cannot run a use case its visitor may not send.</summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentActor actor)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken
    ) =>
        UseCaseAccess.Allows(message, actor)
            ? next(message, cancellationToken)
            : throw new UseCaseRefusedException(message.GetType());
}
