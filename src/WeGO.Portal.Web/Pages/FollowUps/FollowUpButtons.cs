using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Domain.FollowUps;

namespace WeGO.Portal.Web.Pages.FollowUps;

/// <summary>A follow-up's buttons, <c>@Buttons.For(followUp.Id, followUp.Version, followUp.Status, returnUrl)</c>:
/// Done and Drop for an open follow-up, Reopen for a closed one. Each is a form that posts to the follow-up's status
/// page, which comes back to the return address.
/// <para>The follow-up lists draw these on every row, so they write their own markup (docs/decisions/0058): a tag
/// helper per row ran the tag helper machinery and asked antiforgery for its token again on every row, a tenth of the
/// overdue list's time. The token and the labels are the same on every row of a request, so one instance per request
/// (a scoped service) reads them once.</para></summary>
public sealed class FollowUpButtons(
    IHttpContextAccessor accessor,
    KeptLinks links,
    IAntiforgery antiforgery,
    IStringLocalizer<UiText> text
)
{
    private RequestParts? parts;

    public IHtmlContent For(int followUpId, int version, FollowUpStatus status, string returnUrl)
    {
        var context = accessor.HttpContext
            ?? throw new InvalidOperationException("A follow-up's buttons are drawn only while a page answers.");
        // The same token as the page's other forms: the antiforgery feature keeps one per request.
        var shared = parts ??= new RequestParts(
            antiforgery.GetHtml(context),
            text["FollowUps.MarkDone"].Value,
            text["FollowUps.Drop"].Value,
            text["FollowUps.Reopen"].Value
        );
        string Action(string handler) => links.To(context, "/FollowUps/Status", followUpId, handler);
        return FollowUp.CanCloseIn(status)
            ? new Buttons(shared, followUpId, version, returnUrl, Action("Done"), Action("Drop"), ReopenAction: null)
            : new Buttons(shared, followUpId, version, returnUrl, DoneAction: null, DropAction: null, Action("Reopen"));
    }

    private sealed record RequestParts(IHtmlContent Token, string Done, string Drop, string Reopen);

    /// <summary>The forms of one follow-up: Done and Drop while it is open, Reopen once it is closed (the others'
    /// addresses are null).</summary>
    private sealed record Buttons(
        RequestParts Parts,
        int FollowUpId,
        int Version,
        string ReturnUrl,
        string? DoneAction,
        string? DropAction,
        string? ReopenAction
    ) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write("<div class=\"follow-up-buttons\">");
            if (DoneAction is not null)
            {
                Form(writer, encoder, DoneAction, "btn btn-sm btn-outline-success", "data-follow-up-done", Parts.Done);
            }

            if (DropAction is not null)
            {
                Form(
                    writer,
                    encoder,
                    DropAction,
                    "btn btn-sm btn-outline-secondary",
                    "data-follow-up-drop",
                    Parts.Drop
                );
            }

            if (ReopenAction is not null)
            {
                Form(writer, encoder, ReopenAction, "btn btn-sm btn-link p-0", "data-follow-up-reopen", Parts.Reopen);
            }

            writer.Write("</div>");
        }

        // The fields in the order the forms have always had: tests and scripts find them by it.
        private void Form(
            TextWriter writer,
            HtmlEncoder encoder,
            string action,
            string buttonClass,
            string marker,
            string label
        )
        {
            var id = FollowUpId.ToString(CultureInfo.InvariantCulture);
            writer.Write("<form method=\"post\" action=\"");
            encoder.Encode(writer, action);
            writer.Write("\"><input type=\"hidden\" name=\"Version\" value=\"");
            writer.Write(Version.ToString(CultureInfo.InvariantCulture));
            writer.Write("\" /><input type=\"hidden\" name=\"ReturnUrl\" value=\"");
            encoder.Encode(writer, ReturnUrl);
            writer.Write("\" /><button type=\"submit\" class=\"");
            writer.Write(buttonClass);
            writer.Write("\" ");
            writer.Write(marker);
            writer.Write("=\"");
            writer.Write(id);
            writer.Write("\">");
            encoder.Encode(writer, label);
            writer.Write("</button>");
            Parts.Token.WriteTo(writer, encoder);
            writer.Write("</form>");
        }
    }
}
