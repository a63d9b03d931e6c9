namespace HoaHung.Learning.Web.Offline;

/// <summary>Marker for the offline feature's strings: Resources/Offline/OfflineResource.resx (Vietnamese) and .en.resx (English).</summary>
public sealed class OfflineResource;
