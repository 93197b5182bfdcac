using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using WeGO.Portal.Domain.FollowUps;

namespace WeGO.Portal.Web.Pages.FollowUps;

/// <summary><c>&lt;follow-up-buttons follow-up-id="…" version="…" status="…" return-url="…" /&gt;</c>: Done and
/// Drop for an open follow-up, Reopen for a closed one; each posts to the follow-up's status page, which comes back
/// to <see cref="ReturnUrl"/>. The follow-up lists draw these on every row, so they are written here rather than by a
/// partial view with form tag helpers: a partial per row, and a link generation per form, were more than half of the
/// overdue list's allocations (docs/decisions/0052).</summary>
[HtmlTargetElement("follow-up-buttons", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FollowUpButtonsTagHelper(KeptLinks links, IAntiforgery antiforgery, IStringLocalizer<UiText> text)
    : TagHelper
{
    public int FollowUpId { get; set; }

    /// <summary>The version the page showed; the status page refuses the change if the follow-up has moved on.
    /// </summary>
    public int Version { get; set; }

    public FollowUpStatus Status { get; set; }

    public string ReturnUrl { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "follow-up-buttons");
        // The same token as the page's other forms: the antiforgery feature keeps one per request.
        var token = antiforgery.GetHtml(ViewContext.HttpContext);
        if (FollowUp.CanCloseIn(Status))
        {
            Form(output.Content, "Done", "btn btn-sm btn-outline-success", "data-follow-up-done", "FollowUps.MarkDone");
            Form(output.Content, "Drop", "btn btn-sm btn-outline-secondary", "data-follow-up-drop", "FollowUps.Drop");
        }
        else
        {
            Form(output.Content, "Reopen", "btn btn-sm btn-link p-0", "data-follow-up-reopen", "FollowUps.Reopen");
        }

        // Written in the order the forms have always had (tests and scripts find the fields by it); Append encodes
        // each value, AppendHtml writes the markup around it.
        void Form(TagHelperContent content, string handler, string buttonClass, string marker, string label) =>
            content
                .AppendHtml("<form method=\"post\" action=\"")
                .Append(links.To(ViewContext.HttpContext, "/FollowUps/Status", FollowUpId, handler))
                .AppendHtml("\"><input type=\"hidden\" name=\"Version\" value=\"")
                .Append(Version.ToString(CultureInfo.InvariantCulture))
                .AppendHtml("\" /><input type=\"hidden\" name=\"ReturnUrl\" value=\"")
                .Append(ReturnUrl)
                .AppendHtml("\" /><button type=\"submit\" class=\"")
                .AppendHtml(buttonClass)
                .AppendHtml("\" ")
                .AppendHtml(marker)
                .AppendHtml("=\"")
                .Append(FollowUpId.ToString(CultureInfo.InvariantCulture))
                .AppendHtml("\">")
                .Append(text[label].Value)
                .AppendHtml("</button>")
                .AppendHtml(token)
                .AppendHtml("</form>");
    }
}
