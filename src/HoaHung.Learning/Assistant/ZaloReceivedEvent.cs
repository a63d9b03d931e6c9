using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.Assistant;

/// <summary>
/// A Zalo OA message already taken (docs/architecture.md §11), so one delivered twice is answered once, by any
/// instance. Only a keyed hash of <c>message.msg_id</c> is stored, never the id, the sender or the text; rows older
/// than a day are removed.
/// </summary>
public sealed class ZaloReceivedEvent
{
    public string MessageKey { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
}

internal sealed class ZaloReceivedEventConfiguration : IEntityTypeConfiguration<ZaloReceivedEvent>
{
    public void Configure(EntityTypeBuilder<ZaloReceivedEvent> b)
    {
        b.ToTable("ZaloReceivedEvents");
        b.HasKey(e => e.MessageKey);
        b.Property(e => e.MessageKey).HasMaxLength(64);
        b.HasIndex(e => e.ReceivedAt);
    }
}
