using System.Text;

namespace HoaHung.Learning.SearchBench;

/// <summary>
/// Writes a content folder (content/README.md format) of N text lessons in plain Vietnamese about digital public
/// services, deterministic for a seed: the seed library's six topics, titles from the tasks residents learn about
/// each topic, bodies of about 150–500 words with steps and callouts written mostly with the topic's own sentences
/// (a quarter shared by all topics), tags. No pictures or videos (the benchmark measures text).
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

    // What each topic's lessons are about, and sentences of its own: a real library's lessons share a topic's
    // words, not every word of the library.
    internal static readonly string[][] Objects =
    [
        ["mạng Wi-Fi", "dữ liệu di động", "tin nhắn Zalo", "ảnh và video", "danh bạ", "cỡ chữ", "ứng dụng từ CH Play", "cuộc gọi video"],
        ["tài khoản VNeID", "thẻ căn cước", "giấy phép lái xe", "thông tin cư trú", "bảo hiểm y tế", "sổ sức khỏe điện tử", "tài khoản định danh mức 2"],
        ["ứng dụng Công dân số", "phản ánh kiến nghị", "thông báo của phường", "lịch tiêm chủng", "tin tức Thành phố", "đường dây nóng 1022"],
        ["hồ sơ trực tuyến", "lệ phí", "giấy khai sinh", "phiếu lý lịch tư pháp", "đăng ký thường trú", "giấy xác nhận tình trạng hôn nhân"],
        ["hóa đơn tiền điện", "hóa đơn tiền nước", "mã QR", "ví điện tử", "học phí của con", "tiền điện thoại", "ứng dụng ngân hàng"],
        ["mật khẩu", "mã OTP", "cuộc gọi lạ", "đường link lạ", "tài khoản Zalo", "tin nhắn trúng thưởng", "ứng dụng giả mạo"],
    ];

    internal static readonly string[] Contexts =
    [
        "trên điện thoại", "cho người cao tuổi", "tại nhà", "ở phường Hòa Hưng", "bằng VNeID", "không cần ra phường",
        "từng bước", "an toàn", "lần đầu", "nhanh và đúng", "trên máy Android", "trên iPhone", "cho cả gia đình",
    ];

    private static readonly string[] Common =
    [
        "Bạn mở ứng dụng trên điện thoại, rồi bấm vào nút ở góc dưới màn hình.",
        "Mỗi điện thoại hơi khác nhau, tên mục trên máy bạn có thể khác hình minh họa.",
        "Tổ công nghệ số cộng đồng của phường luôn sẵn sàng hướng dẫn bạn vào sáng thứ Bảy.",
        "Người cao tuổi có thể nhờ con cháu giúp lần đầu, những lần sau sẽ tự làm được.",
        "Làm xong, bạn bấm nút quay lại để về màn hình chính.",
        "Nếu màn hình báo lỗi, hãy chờ một chút rồi thử lại.",
    ];

    private static readonly string[][] TopicSentences =
    [
        [
            "Kết nối Wi-Fi ở nhà giúp tiết kiệm dữ liệu di động.", "Vuốt từ mép trên màn hình xuống để mở bảng cài đặt nhanh.",
            "Bạn có thể phóng to chữ trong phần cài đặt để đọc dễ hơn.", "Nếu điện thoại báo hết dung lượng, hãy xóa bớt ảnh và video không cần thiết.",
            "Zalo cho phép gọi video miễn phí khi có mạng.", "Cửa hàng CH Play có sẵn trên máy Android, App Store có trên iPhone.",
            "Pin yếu thì cắm sạc trước khi cài ứng dụng mới.", "Biểu tượng Cài đặt có hình bánh răng.",
        ],
        [
            "Nếu chưa có tài khoản định danh điện tử, hãy đến công an phường để đăng ký.", "Thẻ căn cước gắn chip đã được tích hợp vào ứng dụng VNeID.",
            "Tài khoản mức 2 dùng được cho nhiều thủ tục hơn tài khoản mức 1.", "Mã kích hoạt được gửi qua tin nhắn từ người gửi VNeID.",
            "Bảo hiểm y tế có thể dùng bằng ứng dụng VNeID thay cho thẻ giấy.", "Giấy phép lái xe tích hợp hiện trong mục ví giấy tờ.",
            "Passcode gồm sáu số, bạn cần nhớ kỹ.", "Khi đổi số điện thoại, hãy cập nhật ngay trên VNeID.",
        ],
        [
            "Ứng dụng Công dân số TPHCM giúp người dân gửi phản ánh đến chính quyền nhanh hơn.", "Bạn đăng nhập Công dân số bằng tài khoản VNeID.",
            "Khi có thông báo mới từ phường, điện thoại sẽ rung và hiện tin nhắn.", "Phản ánh nên kèm ảnh chụp và địa chỉ rõ ràng.",
            "Đường dây nóng 1022 nhận phản ánh cả qua điện thoại.", "Bạn theo dõi kết quả xử lý phản ánh trong mục của tôi.",
            "Lịch tiêm chủng của cả nhà được nhắc trước một ngày.",
        ],
        [
            "Hồ sơ nộp trực tuyến được xử lý như hồ sơ nộp tại bộ phận một cửa.", "Bạn có thể theo dõi tình trạng hồ sơ bằng mã hồ sơ ghi trên màn hình.",
            "Lệ phí được thanh toán trực tuyến qua cổng dịch vụ công quốc gia.", "Bạn chụp ảnh giấy tờ rõ nét, đủ bốn góc, không bị lóa.",
            "Giấy khai sinh bản điện tử có giá trị như bản giấy.", "Kết quả thủ tục có thể nhận tại nhà qua bưu điện.",
            "Đọc kỹ thành phần hồ sơ trước khi bấm nộp.",
        ],
        [
            "Khi thanh toán, hãy kiểm tra kỹ tên người nhận trước khi bấm xác nhận.", "Hóa đơn tiền điện, tiền nước có thể trả ngay trên ứng dụng ngân hàng mà không mất phí.",
            "Khi quét mã VietQR, tên cửa hàng sẽ hiện ra để bạn đối chiếu.", "Giữ bí mật mã PIN của thẻ ngân hàng và không viết nó ra giấy.",
            "Ví điện tử cần liên kết với tài khoản ngân hàng chính chủ.", "Học phí của con có thể đóng qua mã QR của nhà trường.",
            "Số dư tài khoản hiện ngay sau mỗi giao dịch.",
        ],
        [
            "Không bao giờ đọc mã OTP cho người khác, kể cả người xưng là công an hay nhân viên ngân hàng.", "Đường link lạ gửi qua tin nhắn có thể là lừa đảo, đừng bấm vào.",
            "Kẻ gian thường giả danh điện lực để dọa cắt điện và đòi chuyển tiền.", "Bạn nên đặt mật khẩu mạnh, có chữ hoa, chữ thường, số và ký tự đặc biệt.",
            "Hãy bật xác thực hai lớp để tài khoản Zalo an toàn hơn.", "Nếu lỡ chuyển tiền cho kẻ gian, hãy gọi ngay cho ngân hàng để khóa tài khoản.",
            "Tin nhắn báo trúng thưởng thường là lừa đảo.", "Chỉ cài ứng dụng từ cửa hàng ứng dụng chính thức.",
        ],
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
            var topic = random.Next(Topics.Length);
            var action = Pick(random, Actions);
            var obj = Pick(random, Objects[topic]);
            var context = Pick(random, Contexts);
            var title = $"{action} {obj} {context}";
            var slug = $"bai-{i:D5}";
            var type = random.Next(10) switch { < 7 => "tutorial", < 9 => "video", _ => "quiz" };
            var body = Body(random, topic, action, obj);
            var tags = Enumerable.Range(0, random.Next(3, 7)).Select(_ => Pick(random, TagPool)).Distinct();
            var md = new StringBuilder()
                .Append("---\n")
                .Append($"title: {title} (bài {i})\n")
                .Append($"summary: Hướng dẫn {action.ToLowerInvariant()} {obj} {context}, dành cho người mới bắt đầu.\n")
                .Append($"topic: {Topics[topic].Slug}\n")
                .Append($"type: {type}\n")
                .Append($"minutes: {random.Next(2, 25)}\n")
                .Append($"tags: [{string.Join(", ", tags)}]\n")
                .Append(type == "video" ? "video: https://www.youtube.com/watch?v=aqz-KE-bpKQ\n" : "")
                .Append("---\n\n")
                .Append(body);
            var dir = Path.Combine(root, "lessons", slug);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "index.md"), md.ToString());
            if (type == "quiz") // a quiz lesson is refused without its questions
                File.WriteAllText(Path.Combine(dir, "quiz.yml"), $$"""
                    title: Kiểm tra nhanh — {{obj}}
                    pass_mark: 70
                    questions:
                      - type: single
                        text: Khi {{action.ToLowerInvariant()}} {{obj}}, bạn làm gì trước tiên?
                        explanation: Đọc kỹ hướng dẫn trước; mã OTP không bao giờ đưa cho người khác.
                        options:
                          - text: Đọc kỹ hướng dẫn trên màn hình
                            correct: true
                          - text: Gửi mã OTP cho người lạ
                    """);
        }
    }

    private static string Body(Random random, int topic, string action, string obj)
    {
        string Sentence() => random.Next(4) == 0 ? Pick(random, Common) : Pick(random, TopicSentences[topic]);
        string Paragraph(int sentences) => string.Join(' ', Enumerable.Range(0, sentences).Select(_ => Sentence()));
        var sb = new StringBuilder();
        sb.Append($"Bài này giúp bạn {action.ToLowerInvariant()} {obj}. ").Append(Paragraph(3)).Append("\n\n");
        sb.Append(":::prepare\n- Điện thoại đã kết nối mạng.\n- ").Append(Sentence()).Append("\n:::\n\n## Các bước\n\n");
        var steps = random.Next(4, 9);
        for (var s = 1; s <= steps; s++)
            sb.Append($"{s}. ").Append(s == 1 ? $"Mở mục {obj}. " : "").Append(Paragraph(random.Next(1, 3))).Append('\n');
        sb.Append("\n:::warning\n").Append(Pick(random, TopicSentences[topic])).Append("\n:::\n\n");
        for (var p = random.Next(2, 6); p > 0; p--)
            sb.Append(Paragraph(random.Next(2, 5))).Append("\n\n");
        return sb.ToString();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
