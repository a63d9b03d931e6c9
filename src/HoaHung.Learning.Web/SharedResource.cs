using System.Resources;

[assembly: NeutralResourcesLanguage("vi")]

namespace HoaHung.Learning.Web;

/// <summary>Marker for the site's UI strings: Resources/SharedResource.resx (Vietnamese) and .en.resx (English).</summary>
public sealed class SharedResource;
