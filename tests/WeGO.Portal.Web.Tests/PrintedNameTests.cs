using WeGO.Portal.Web.Pages.Visits;

namespace WeGO.Portal.Web.Tests;

public sealed class PrintedNameTests
{
    [Theory]
    [InlineData("Tan Wei Ming", 12, "fit-1")]
    // Eleven Hangul syllables are as wide as twenty-two Latin letters: one size down.
    [InlineData("박사 김정기 세계도시기구", 24, "fit-2")]
    [InlineData("Dato' Seri Lee Kai Yet bin Abdullah", 35, "fit-4")]
    [InlineData("The Honourable Dato' Seri Utama Lee Kai Yet bin Abdullah Rahman", 63, "fit-5")]
    // A base letter and its combining accent are one character on paper.
    [InlineData("Jose\u0301 Mari\u0301a", 10, "fit-1")]
    public void Wide_and_long_names_print_smaller(string name, int cells, string fit)
    {
        Assert.Equal(cells, PrintedName.Cells(name));
        Assert.Equal(fit, PrintedName.FitClass(name));
    }
}
