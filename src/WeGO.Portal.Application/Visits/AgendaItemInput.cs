using FluentValidation;
using WeGO.Portal.Domain.Common;
using WeGO.Portal.Domain.Visits;

namespace WeGO.Portal.Application.Visits;

/// <summary>The fields of an agenda item as a form sends them, for adding and for editing.</summary>
public abstract record AgendaItemInput
{
    public TimeOnly? StartsAt { get; init; }

    public TimeOnly? EndsAt { get; init; }

    public string Title { get; init; } = "";

    public string? Speaker { get; init; }

    public string? Notes { get; init; }
}

public sealed class AgendaItemInputValidator : AbstractValidator<AgendaItemInput>
{
    public AgendaItemInputValidator(Microsoft.Extensions.Localization.IStringLocalizer<Messages> messages)
    {
        RuleFor(i => i.Title).NotEmpty().MaximumLength(AgendaItem.TitleMaxLength);
        RuleFor(i => i.Speaker).MaximumLength(PersonName.MaxLength);
        RuleFor(i => i.Notes).MaximumLength(AgendaItem.NotesMaxLength);
        RuleFor(i => i.EndsAt)
            .GreaterThan(i => i.StartsAt)
            .When(i => i.StartsAt is not null && i.EndsAt is not null)
            .WithMessage(_ => messages["Agenda.EndBeforeStart"]);
    }
}
