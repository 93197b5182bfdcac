using System.Diagnostics;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;
using WeGO.Portal.Application.Common;
using WeGO.Portal.Domain.Common;

namespace WeGO.Portal.Application.Common.Behaviors;

/// <summary>Logs each use case by name with its duration; never the message's content, which may hold personal
/// data.</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string UseCase = LoggingBehavior.UseCaseOf(typeof(TMessage));

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken
    )
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            logger.Log(
                elapsed > 500 ? LogLevel.Warning : LogLevel.Debug,
                "Use case {UseCase} handled in {ElapsedMs:0.0} ms",
                UseCase,
                elapsed
            );
            return response;
        }
        catch (Exception e) when (e is ValidationException or DomainException or UseCaseRefusedException)
        {
            logger.LogInformation(
                "Use case {UseCase} refused: {Reason}",
                UseCase,
                e switch
                {
                    DomainException d => d.Code,
                    UseCaseRefusedException => "not allowed",
                    _ => "validation",
                }
            );
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(
                e,
                "Use case {UseCase} failed after {ElapsedMs:0.0} ms",
                UseCase,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds
            );
            throw;
        }
    }
}

public static class LoggingBehavior
{
    /// <summary>A message as the log names it: its use case ("ListVisits") for the use case's own Query or Command,
    /// and the use case and the message for another one it declares ("ForgetDelegationContacts.SearchCopies"), so
    /// that the two are told apart.</summary>
    public static string UseCaseOf(Type message) =>
        message.DeclaringType is not { } useCase ? message.Name
        : message.Name is "Query" or "Command" ? useCase.Name
        : $"{useCase.Name}.{message.Name}";
}
