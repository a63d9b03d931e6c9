using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace HoaHung.Learning.Tests.Hosting;

/// <summary>
/// deploy/ cannot be run here (no container engine), so these tests read it the way the site and nginx will: every
/// setting names a key the site reads, the instances share what they must, and nginx's configuration is valid.
/// </summary>
public sealed partial class DeployTests
{
    private static readonly string Deploy = Path.Combine(TestEnvironment.RepoRoot, "deploy");
    private static readonly Dictionary<string, object> Compose = ReadCompose();
    private static readonly string Nginx = File.ReadAllText(Path.Combine(Deploy, "nginx", "hoahung.conf"));

    private static Dictionary<string, object> ReadCompose()
    {
        using var reader = new StreamReader(Path.Combine(Deploy, "compose.yaml"));
        var yaml = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(new MergingParser(new Parser(reader)));
        return yaml;
    }

    private static Dictionary<object, object> Map(object node) => Assert.IsType<Dictionary<object, object>>(node);

    private static Dictionary<object, object> Service(string name) => Map(Map(Compose["services"])[name]);

    private static Dictionary<string, string> Environment(string service) =>
        Map(Service(service)["environment"]).ToDictionary(kv => (string)kv.Key, kv => kv.Value?.ToString() ?? "");

    /// <summary>The configuration a service's environment gives the site, read as the site reads environment variables.</summary>
    private static IConfiguration Configuration(string service)
    {
        return new ConfigurationBuilder()
            .AddInMemoryCollection(Environment(service).Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace("__", ":"), kv.Value)))
            .Build();
    }

    /// <summary>
    /// Issue 26 item 15: README once said to set <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> and deploy/README.md not
    /// to. The code (<c>ForwardedHeaders</c>, <see cref="ProxyTests"/>) believes only <c>App:KnownProxies</c> and
    /// <c>App:KnownNetworks</c>: every document that speaks of forwarded headers says so, and none says to set the switch.
    /// </summary>
    [Fact]
    public void Every_document_about_forwarded_headers_names_the_known_proxies_and_none_says_to_enable_the_framework_switch()
    {
        var documents = new[] { "README.md", "deploy/README.md", "docs/architecture.md", "docs/development.md" }
            .ToDictionary(d => d, d => File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, d)));
        foreach (var (name, text) in documents)
        {
            var paragraphs = Regex.Split(text, @"\n\s*\n").Where(p => p.Contains("ASPNETCORE_FORWARDEDHEADERS_ENABLED", StringComparison.Ordinal)).ToList();
            foreach (var paragraph in paragraphs)
            {
                var flat = Regex.Replace(paragraph, @"\s+", " ");
                Assert.Matches(@"App(:|__)Known(Proxies|Networks)", flat);
                Assert.DoesNotMatch(@"(?i)\bset `?ASPNETCORE_FORWARDEDHEADERS_ENABLED=true", flat);
            }
            if (Regex.IsMatch(text, @"(?i)reverse proxy") && name != "docs/development.md")
                Assert.Matches(@"App(:|__)Known(Proxies|Networks)", text);
        }
    }

    [Fact]
    public void Compose_runs_postgres_redis_two_instances_and_nginx()
    {
        var services = Map(Compose["services"]).Keys.Cast<string>().ToHashSet();
        Assert.Superset(new HashSet<string> { "postgres", "redis", "setup", "web1", "web2", "nginx" }, services);
    }

    [Theory]
    [InlineData("web1")]
    [InlineData("web2")]
    public void Each_instance_shares_the_database_redis_and_media_and_trusts_only_the_proxy_network(string name)
    {
        var config = Configuration(name);
        Assert.Equal(DatabaseProvider.Postgres, config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()!.Provider);
        Assert.Contains("Host=postgres", config.GetConnectionString("Postgres"));
        Assert.StartsWith("redis:", config.GetConnectionString("Redis"));

        var site = config.GetSection(AppOptions.Section).Get<AppOptions>()!;
        Assert.Equal("/data", site.DataDirectory);
        Assert.Contains(Map(Service(name))["volumes"] is List<object> v ? v.Cast<string>() : [], m => m.EndsWith(":/data", StringComparison.Ordinal));

        // Forwarded headers are believed from the backend network only, which is where nginx stands.
        var network = Assert.Single(site.KnownNetworks);
        Assert.Equal(BackendSubnet, network);
        Assert.True(System.Net.IPNetwork.Parse(network).Contains(IPAddress.Parse(NginxAddress)));

        // The public address, the hosts the site answers to and nginx's server name agree.
        var host = new Uri(site.PublicBaseUrl!).Host;
        Assert.Equal(host, config["AllowedHosts"]);
        Assert.Contains($"server_name {host};", Nginx);

        var depends = Map(Map(Service(name)["depends_on"])["setup"]);
        Assert.Equal("service_completed_successfully", depends["condition"]);
    }

    /// <summary>Issue 26 item 1: in Production the site refuses to start when any Host would do for its links; compose sets what it needs.</summary>
    [Theory]
    [InlineData("setup")]
    [InlineData("web1")]
    [InlineData("web2")]
    public void Every_service_of_the_image_has_the_public_address_production_requires(string name)
    {
        var config = Configuration(name);
        Assert.Null(HoaHung.Learning.Web.Hosting.PublicAddress.Problem("Production", config["AllowedHosts"],
            config.GetSection(AppOptions.Section).Get<AppOptions>()!.PublicBaseUrl));
    }

    [Fact]
    public void The_image_documents_the_public_address_it_needs_to_start()
    {
        var dockerfile = File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "Dockerfile"));
        Assert.Matches(@"# Run:\s+docker run .*-e App__PublicBaseUrl=https://\S+", dockerfile);
        Assert.Contains("App__PublicBaseUrl", File.ReadAllText(Path.Combine(Deploy, "README.md")));
    }

    [Fact]
    public void Setup_migrates_and_imports_once_before_the_instances_start()
    {
        var entrypoint = string.Join(' ', ((List<object>)Service("setup")["entrypoint"]).Cast<string>());
        Assert.Matches(@"migrate\s*&&.*import-content", entrypoint);
        Assert.Equal(Environment("web1"), Environment("setup"));
    }

    private static string BackendSubnet =>
        (string)Map(((List<object>)Map(Map(Map(Map(Compose["networks"])["backend"])["ipam"]))["config"])[0])["subnet"];

    private static string NginxAddress => (string)Map(Map(Map(Service("nginx")["networks"])["backend"]))["ipv4_address"];

    [Fact]
    public void Nginx_sends_every_instance_learner_pages_and_keeps_staff_circuits_on_one()
    {
        var port = new Uri(Environment("web1")["ASPNETCORE_URLS"].Replace("+", "localhost")).Port;
        foreach (var upstream in new[] { "hoahung_any", "hoahung_sticky" })
        {
            var block = Block($"upstream {upstream}");
            Assert.Contains($"server web1:{port}", block);
            Assert.Contains($"server web2:{port}", block);
        }
        Assert.Contains("hash $hoahung_sticky consistent", Block("upstream hoahung_sticky"));
        Assert.Contains("$cookie_hh_auth", Nginx);

        var blazor = Block("location /_blazor");
        Assert.Contains("proxy_pass http://hoahung_sticky", blazor);
        Assert.Contains("proxy_set_header Upgrade $http_upgrade", blazor);
        Assert.Contains("proxy_set_header Connection $hoahung_connection", blazor);

        var staff = StaffLocation().Match(Nginx);
        Assert.True(staff.Success);
        var pattern = new Regex(staff.Groups[1].Value);
        foreach (var path in new[] { "/soan-bai", "/soan-bai/moi", "/lop-hoc/3", "/quan-tri/nguoi-dung" })
            Assert.Matches(pattern, path);
        Assert.DoesNotMatch(pattern, "/bai-hoc/ket-noi-wi-fi");

        Assert.Contains("proxy_set_header X-Forwarded-For $remote_addr", Nginx);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme", Nginx);
        Assert.Contains("client_max_body_size 310m", Nginx);
    }

    [Fact]
    public async Task Nginx_accepts_the_configuration()
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);
        if (nginx is null)
        {
            const string message = "nginx is needed to check deploy/nginx/hoahung.conf; `bash tests/run.sh` installs nginx-light.";
            if (TestEnvironment.IsCi)
                Assert.Fail(message);
            Assert.Skip(message);
        }
        var dir = TestEnvironment.NewTempDirectory("hh-nginx");
        try
        {
            // Outside compose the instances' names do not resolve: point them at loopback for the syntax check.
            File.WriteAllText(Path.Combine(dir, "site.conf"), Nginx.Replace("web1:", "127.0.0.1:").Replace("web2:", "127.0.0.2:"));
            File.WriteAllText(Path.Combine(dir, "nginx.conf"),
                $"pid {dir}/nginx.pid;\nerror_log {dir}/error.log;\nevents {{}}\nhttp {{\n  access_log off;\n  client_body_temp_path {dir};\n  proxy_temp_path {dir};\n  fastcgi_temp_path {dir};\n  uwsgi_temp_path {dir};\n  scgi_temp_path {dir};\n  include {dir}/site.conf;\n}}\n");
            var start = new ProcessStartInfo(nginx, ["-t", "-q", "-p", dir, "-c", Path.Combine(dir, "nginx.conf")])
                { RedirectStandardError = true, RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, errors);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_image_serves_on_the_port_and_keeps_its_data_where_compose_mounts_it()
    {
        var dockerfile = File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "Dockerfile"));
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", dockerfile);
        Assert.Contains("App__DataDirectory=/data", dockerfile);
        Assert.Contains("EXPOSE 8080", dockerfile);
        Assert.Contains("install -y --no-install-recommends ffmpeg espeak-ng", dockerfile); // read-aloud audio, light videos
        Assert.Equal("http://+:8080", Environment("web1")["ASPNETCORE_URLS"]);
    }

    /// <summary>The text between a block's opening line and its closing brace (blocks here do not nest).</summary>
    private static string Block(string opening)
    {
        var start = Nginx.IndexOf(opening + " ", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '{opening}' block");
        var end = Nginx.IndexOf('}', start);
        return Nginx[start..end];
    }

    [GeneratedRegex(@"location ~ (\S+) \{\s*proxy_pass http://hoahung_sticky;")]
    private static partial Regex StaffLocation();
}
