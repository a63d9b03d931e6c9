namespace HoaHung.Learning.Web.Studio.Packs;

/// <summary>Marker for the pack page's strings: Resources/Studio/Packs/PacksResource.resx (Vietnamese) and .en.resx.</summary>
public sealed class PacksResource;
