using FluentValidation;

namespace WeGO.Portal.Application.Visits;

/// <summary>The fields of an agenda item as a form sends them, for adding and for editing.</summary>
public interface IAgendaItemInput
{
    TimeOnly? StartsAt { get; }

    TimeOnly? EndsAt { get; }

    string Title { get; }

    string? Speaker { get; }

    string? Notes { get; }
}

public sealed class AgendaItemInputValidator : AbstractValidator<IAgendaItemInput>
{
    public AgendaItemInputValidator(Microsoft.Extensions.Localization.IStringLocalizer<Messages> messages)
    {
        RuleFor(i => i.Title).NotEmpty().MaximumLength(300);
        RuleFor(i => i.Speaker).MaximumLength(200);
        RuleFor(i => i.Notes).MaximumLength(4000);
        RuleFor(i => i.EndsAt).GreaterThan(i => i.StartsAt).When(i => i.StartsAt is not null && i.EndsAt is not null)
            .WithMessage(_ => messages["Agenda.EndBeforeStart"]);
    }
}
