using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace WeGO.Portal.Web.Pipeline;

/// <summary>The localizer factory the portal uses: ASP.NET Core's resource localizers, with each text kept once
/// read, per language. A page asks for 50 to 200 texts; every ask of <see cref="System.Resources.ResourceManager"/>
/// takes a lock that the requests of a busy minute queued on (docs/decisions/0044). The resources are compiled into
/// the assemblies, so a kept text can never be out of date.</summary>
public sealed class KeptTexts(IStringLocalizerFactory resources) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<Type, IStringLocalizer> byType = new();
    private readonly ConcurrentDictionary<(string, string), IStringLocalizer> byName = new();

    public IStringLocalizer Create(Type resourceSource) =>
        byType.GetOrAdd(resourceSource, type => new Localizer(resources.Create(type)));

    public IStringLocalizer Create(string baseName, string location) =>
        byName.GetOrAdd((baseName, location), key => new Localizer(resources.Create(key.Item1, key.Item2)));

    /// <summary>One resource's texts by language and name. Texts with arguments keep their format and are
    /// formatted for each call, in the reader's culture, as the resource localizer does.</summary>
    private sealed class Localizer(IStringLocalizer resource) : IStringLocalizer
    {
        private readonly ConcurrentDictionary<(string Language, string Name), LocalizedString> texts = new();

        /// <summary>Only texts the resources hold are kept, so what is kept is bounded by the resource files, whatever
        /// names a request makes up.</summary>
        public LocalizedString this[string name]
        {
            get
            {
                var key = (CultureInfo.CurrentUICulture.Name, name);
                if (texts.TryGetValue(key, out var kept))
                {
                    return kept;
                }

                var text = resource[name];
                return text.ResourceNotFound ? text : texts.GetOrAdd(key, text);
            }
        }

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var format = this[name];
                return new LocalizedString(
                    name,
                    string.Format(CultureInfo.CurrentCulture, format.Value, arguments),
                    format.ResourceNotFound,
                    format.SearchedLocation
                );
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            resource.GetAllStrings(includeParentCultures);
    }
}
