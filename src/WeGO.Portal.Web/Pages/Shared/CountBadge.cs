using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace WeGO.Portal.Web.Pages.Shared;

/// <summary>A count in the navigation (my overdue follow-ups, new inquiries, reports awaiting review): the number,
/// with its words for the tooltip and for screen readers. It writes its own markup: the layout draws up to four on
/// every signed-in page, and a partial view each cost a view, a view context and an HTML helper per badge.</summary>
public sealed record CountBadge(string Id, int Count, string Text, string Look) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        writer.Write("<span class=\"badge rounded-pill text-bg-");
        encoder.Encode(writer, Look);
        writer.Write("\" id=\"");
        encoder.Encode(writer, Id);
        writer.Write("\" title=\"");
        encoder.Encode(writer, Text);
        writer.Write("\">");
        writer.Write(Count.ToString(CultureInfo.InvariantCulture));
        writer.Write("<span class=\"visually-hidden\"> ");
        encoder.Encode(writer, Text);
        writer.Write("</span></span>");
    }
}
