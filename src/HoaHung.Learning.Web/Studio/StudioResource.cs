namespace HoaHung.Learning.Web.Studio;

/// <summary>Marker for the studio's UI strings: Resources/Studio/StudioResource.resx (Vietnamese) and .en.resx (English).</summary>
public sealed class StudioResource;
