using System.Text;

namespace HoaHung.Learning.SearchBench;

/// <summary>
/// Writes a content folder (content/README.md format) of N text lessons in plain Vietnamese about digital public
/// services, deterministic for a seed: titles from the tasks residents learn, bodies of about 150–500 words with steps
/// and callouts, tags, the seed library's six topics. No pictures or videos (the benchmark measures text).
/// </summary>
internal static class LibraryGenerator
{
    public static readonly (string Slug, string Title, string Icon)[] Topics =
    [
        ("dien-thoai-thong-minh", "Điện thoại thông minh", "phone"),
        ("vneid", "Định danh điện tử VNeID", "id-card"),
        ("cong-dan-so-tphcm", "Ứng dụng Công dân số TPHCM", "city"),
        ("dich-vu-cong-truc-tuyen", "Dịch vụ công trực tuyến", "government"),
        ("thanh-toan-khong-tien-mat", "Thanh toán không tiền mặt", "payment"),
        ("an-toan-tren-mang", "An toàn trên mạng", "shield"),
    ];

    internal static readonly string[] Actions =
    [
        "Đăng ký", "Đăng nhập", "Cài đặt", "Kích hoạt", "Tra cứu", "Nộp", "Thanh toán", "Kiểm tra", "Đổi", "Bảo vệ",
        "Nhận biết", "Chia sẻ", "Tải về", "Cập nhật", "Khôi phục", "Gửi", "Xem", "Quét", "Chuyển", "Tắt",
    ];

    internal static readonly string[] Objects =
    [
        "tài khoản VNeID", "ứng dụng Công dân số", "hồ sơ trực tuyến", "hóa đơn tiền điện", "hóa đơn tiền nước", "mã QR",
        "tin nhắn Zalo", "ví điện tử", "thẻ căn cước", "lệ phí", "giấy khai sinh", "mật khẩu", "mã OTP", "cuộc gọi lạ",
        "đường link lạ", "dữ liệu di động", "mạng Wi-Fi", "phản ánh kiến nghị", "bảo hiểm y tế", "sổ sức khỏe điện tử",
        "giấy phép lái xe", "thông tin cư trú", "học phí của con", "tiền điện thoại", "ảnh và video", "danh bạ",
        "ứng dụng ngân hàng", "thông báo của phường", "lịch tiêm chủng", "phiếu lý lịch tư pháp",
    ];

    internal static readonly string[] Contexts =
    [
        "trên điện thoại", "cho người cao tuổi", "tại nhà", "ở phường Hòa Hưng", "bằng VNeID", "không cần ra phường",
        "từng bước", "an toàn", "lần đầu", "nhanh và đúng", "trên máy Android", "trên iPhone", "cho cả gia đình",
    ];

    private static readonly string[] Sentences =
    [
        "Bạn mở ứng dụng trên điện thoại, rồi bấm vào nút ở góc dưới màn hình.",
        "Nếu chưa có tài khoản định danh điện tử, hãy đến công an phường để đăng ký.",
        "Không bao giờ đọc mã OTP cho người khác, kể cả người xưng là công an hay nhân viên ngân hàng.",
        "Màn hình sẽ hiện ra một danh sách các dịch vụ công mà bạn có thể làm trực tuyến.",
        "Khi thanh toán, hãy kiểm tra kỹ tên người nhận trước khi bấm xác nhận.",
        "Ứng dụng Công dân số TPHCM giúp người dân gửi phản ánh đến chính quyền nhanh hơn.",
        "Bạn nên đặt mật khẩu mạnh, có chữ hoa, chữ thường, số và ký tự đặc biệt.",
        "Nếu điện thoại báo hết dung lượng, hãy xóa bớt ảnh và video không cần thiết.",
        "Tổ công nghệ số cộng đồng của phường luôn sẵn sàng hướng dẫn bạn vào sáng thứ Bảy.",
        "Đường link lạ gửi qua tin nhắn có thể là lừa đảo, đừng bấm vào.",
        "Hồ sơ nộp trực tuyến được xử lý như hồ sơ nộp tại bộ phận một cửa.",
        "Bạn có thể theo dõi tình trạng hồ sơ bằng mã hồ sơ ghi trên màn hình.",
        "Hóa đơn tiền điện, tiền nước có thể trả ngay trên ứng dụng ngân hàng mà không mất phí.",
        "Khi quét mã VietQR, tên cửa hàng sẽ hiện ra để bạn đối chiếu.",
        "Hãy bật xác thực hai lớp để tài khoản Zalo an toàn hơn.",
        "Thẻ căn cước gắn chip đã được tích hợp vào ứng dụng VNeID.",
        "Người cao tuổi có thể nhờ con cháu hoặc tổ công nghệ số giúp lần đầu.",
        "Sau khi đăng nhập, bạn sẽ thấy tên mình ở góc trên màn hình.",
        "Nếu quên mật khẩu, bấm vào dòng quên mật khẩu và làm theo hướng dẫn.",
        "Kết nối Wi-Fi ở nhà giúp tiết kiệm dữ liệu di động.",
        "Mỗi điện thoại hơi khác nhau, tên mục trên máy bạn có thể khác hình minh họa.",
        "Lệ phí được thanh toán trực tuyến qua cổng dịch vụ công quốc gia.",
        "Kẻ gian thường giả danh điện lực để dọa cắt điện và đòi chuyển tiền.",
        "Bạn chụp ảnh giấy tờ rõ nét, đủ bốn góc, không bị lóa.",
        "Khi có thông báo mới từ phường, điện thoại sẽ rung và hiện tin nhắn.",
        "Giữ bí mật mã PIN của thẻ ngân hàng và không viết nó ra giấy.",
        "Bảo hiểm y tế có thể dùng bằng ứng dụng VNeID thay cho thẻ giấy.",
        "Cập nhật ứng dụng thường xuyên để có các tính năng mới và an toàn hơn.",
        "Nếu lỡ chuyển tiền cho kẻ gian, hãy gọi ngay cho ngân hàng để khóa tài khoản.",
        "Bạn có thể phóng to chữ trong phần cài đặt để đọc dễ hơn.",
    ];

    private static readonly string[] TagPool =
    [
        "vneid", "định danh điện tử", "công dân số", "dịch vụ công", "lừa đảo", "mật khẩu", "otp", "thanh toán", "chuyển tiền",
        "ngân hàng", "zalo", "wi-fi", "4g", "hồ sơ", "lệ phí", "căn cước", "hóa đơn", "điện thoại", "người cao tuổi", "an toàn",
        "mã qr", "vietqr", "phản ánh", "bảo hiểm y tế", "tiền điện", "tiền nước", "đăng ký", "đăng nhập",
    ];

    public static void Write(string root, int count, int seed = 20261126)
    {
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(Path.Combine(root, "lessons"));
        var topics = new StringBuilder();
        foreach (var (slug, title, icon) in Topics)
            topics.Append($"- slug: {slug}\n  title: {title}\n  description: Các bài học về {title.ToLowerInvariant()}.\n  icon: {icon}\n\n");
        File.WriteAllText(Path.Combine(root, "topics.yml"), topics.ToString());

        var random = new Random(seed);
        for (var i = 1; i <= count; i++)
        {
            var action = Pick(random, Actions);
            var obj = Pick(random, Objects);
            var context = Pick(random, Contexts);
            var title = $"{action} {obj} {context}";
            var slug = $"bai-{i:D5}";
            var type = random.Next(10) switch { < 7 => "tutorial", < 9 => "video", _ => "quiz" };
            var body = Body(random, action, obj);
            var tags = Enumerable.Range(0, random.Next(3, 7)).Select(_ => Pick(random, TagPool)).Distinct();
            var md = new StringBuilder()
                .Append("---\n")
                .Append($"title: {title} (bài {i})\n")
                .Append($"summary: Hướng dẫn {action.ToLowerInvariant()} {obj} {context}, dành cho người mới bắt đầu.\n")
                .Append($"topic: {Topics[random.Next(Topics.Length)].Slug}\n")
                .Append($"type: {type}\n")
                .Append($"minutes: {random.Next(2, 25)}\n")
                .Append($"tags: [{string.Join(", ", tags)}]\n")
                .Append(type == "video" ? "video: https://www.youtube.com/watch?v=aqz-KE-bpKQ\n" : "")
                .Append("---\n\n")
                .Append(body);
            var dir = Path.Combine(root, "lessons", slug);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "index.md"), md.ToString());
        }
    }

    private static string Body(Random random, string action, string obj)
    {
        var sb = new StringBuilder();
        sb.Append($"Bài này giúp bạn {action.ToLowerInvariant()} {obj}. ").Append(Paragraph(random, 3)).Append("\n\n");
        sb.Append(":::prepare\n- Điện thoại đã kết nối mạng.\n- ").Append(Pick(random, Sentences)).Append("\n:::\n\n## Các bước\n\n");
        var steps = random.Next(4, 9);
        for (var s = 1; s <= steps; s++)
            sb.Append($"{s}. ").Append(Paragraph(random, random.Next(1, 3))).Append('\n');
        sb.Append("\n:::warning\n").Append(Pick(random, Sentences)).Append("\n:::\n\n");
        for (var p = random.Next(2, 6); p > 0; p--)
            sb.Append(Paragraph(random, random.Next(2, 5))).Append("\n\n");
        return sb.ToString();
    }

    private static string Paragraph(Random random, int sentences) =>
        string.Join(' ', Enumerable.Range(0, sentences).Select(_ => Pick(random, Sentences)));

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
