using HoaHung.Learning.Accounts;
using HoaHung.Learning.Data;

namespace HoaHung.Learning.Web.Commands;

/// <summary>
/// <c>users add --username NAME --role ROLE [--display-name "…"]</c> (docs/architecture.md §5b). The password is read
/// from standard input, never from the command line, where it would stay in the shell history and process list.
/// </summary>
public static class UserCommands
{
    private const string Usage = "Cách dùng / Usage: users add --username NAME --role Learner|Author|Reviewer|Trainer|Admin|Official [--display-name \"…\"]  (mật khẩu đọc từ stdin / password read from stdin)";

    public static async Task<int> RunAsync(WebApplication app, IReadOnlyList<string> args, TextReader input, CancellationToken ct)
    {
        if (args.Count == 0 || args[0] != "add" || !TryOptions(args.Skip(1).ToList(), out var options))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var userName = options.GetValueOrDefault("--username");
        var role = Roles.Parse(options.GetValueOrDefault("--role"));
        if (string.IsNullOrWhiteSpace(userName) || role is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var password = ReadPassword(input);
        await app.Services.GetRequiredService<IDatabaseMaintenance>().MigrateAsync(ct);
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AccountSetup>().EnsureRolesAsync(ct);
        var displayName = options.GetValueOrDefault("--display-name") ?? userName;
        var result = await scope.ServiceProvider.GetRequiredService<AccountRegistration>()
            .RegisterAsync(new SignUpRequest(userName, displayName, password), role == Roles.Learner ? [] : [role], ct);
        switch (result)
        {
            case RegistrationResult.Created created:
                Console.WriteLine($"Đã tạo tài khoản / Account created: {created.User.UserName} ({role})");
                return 0;
            case RegistrationResult.Refused refused:
                foreach (var (field, reason) in refused.Errors)
                    Console.Error.WriteLine($"Không tạo được / Refused: {field}: {Explain(reason)}");
                return 2;
            default:
                return 1;
        }
    }

    private static bool TryOptions(List<string> args, out Dictionary<string, string> options)
    {
        options = [];
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--") || i + 1 >= args.Count || args[i + 1].StartsWith("--"))
                return false;
            options[args[i]] = args[i + 1];
        }
        return true;
    }

    /// <summary>One line from standard input; at a terminal, asked for without echoing what is typed.</summary>
    private static string ReadPassword(TextReader input)
    {
        if (input != Console.In || Console.IsInputRedirected)
            return input.ReadLine() ?? "";
        Console.Error.Write("Mật khẩu / Password: ");
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
                chars.RemoveAt(chars.Count - 1);
            else if (!char.IsControl(key.KeyChar))
                chars.Add(key.KeyChar);
        }
        Console.Error.WriteLine();
        return new string(chars.ToArray());
    }

    private static string Explain(string reason) => reason switch
    {
        "Account.PhoneTaken" or "Account.UserNameTaken" => "tài khoản đã tồn tại / the account already exists",
        "Account.UserNameInvalid" => "tên đăng nhập 3–32 ký tự a-z, 0-9, '.', '_' bắt đầu bằng chữ / 3–32 chars a-z 0-9 . _ starting with a letter",
        "Account.PhoneInvalid" => "số di động Việt Nam không hợp lệ / not a Vietnamese mobile number",
        "Account.DisplayNameInvalid" => "tên hiển thị 2–100 ký tự / display name 2–100 characters",
        "Password.TooShort" => "mật khẩu ít nhất 8 ký tự / password needs 8+ characters",
        "Password.TooCommon" => "mật khẩu quá phổ biến / password is too common",
        "Password.ContainsName" => "mật khẩu chứa tên tài khoản / password contains the user name",
        _ => reason,
    };
}
