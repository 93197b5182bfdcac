using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Domain.FollowUps;

namespace WeGO.Portal.Web.Pages.FollowUps;

/// <summary>A follow-up's status as a badge and, for a closed one, who closed it and when:
/// <c>@new FollowUpState(…).Shown(T, Viewer)</c>. It writes its own markup: my follow-ups and a visit's page draw one
/// per row, and a partial view each cost a view, a view context and its helpers per row (docs/decisions/0058).
/// </summary>
public sealed record FollowUpState(FollowUpStatus Status, bool IsOverdue, string? ClosedBy, DateTime? ClosedAtUtc)
{
    public IHtmlContent Shown(IStringLocalizer<UiText> text, ViewerTime viewer)
    {
        var open = Status == FollowUpStatus.Open;
        var look =
            open ? (IsOverdue ? "danger" : "warning")
            : Status == FollowUpStatus.Done ? "success"
            : "secondary";
        var status = text["FollowUpStatus." + Status].Value;
        var closed =
            !open && ClosedBy is not null && ClosedAtUtc is { } closedAt
                ? text["FollowUps.ClosedBy", status, ClosedBy, viewer.DateTimeNamed(closedAt)].Value
                : null;
        return new Markup(look, IsOverdue ? text["FollowUps.Overdue"].Value : status, closed);
    }

    private sealed record Markup(string Look, string Label, string? Closed) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write("<span class=\"badge text-bg-");
            writer.Write(Look);
            writer.Write("\">");
            encoder.Encode(writer, Label);
            writer.Write("</span>");
            if (Closed is not null)
            {
                writer.Write("<div class=\"small text-muted follow-up-closed\">");
                encoder.Encode(writer, Closed);
                writer.Write("</div>");
            }
        }
    }
}
