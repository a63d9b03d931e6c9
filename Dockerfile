# syntax=docker/dockerfile:1
# Build: docker build -t hoahung-learning .
# Run:   docker run -p 8080:8080 -e App__PublicBaseUrl=https://hoc.hoahung.example -v hoahung-data:/data hoahung-learning
#        (the site's public address: in Production it will not start without it while AllowedHosts is "*", deploy/README.md)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so the layer is reused when only code changes.
COPY global.json Directory.Build.props Directory.Packages.props HoaHung.Learning.sln ./
COPY src/HoaHung.Learning/HoaHung.Learning.csproj src/HoaHung.Learning/
COPY src/HoaHung.Learning.Web/HoaHung.Learning.Web.csproj src/HoaHung.Learning.Web/
RUN dotnet restore src/HoaHung.Learning.Web/HoaHung.Learning.Web.csproj
COPY src/ src/
COPY wwwroot/ wwwroot/
COPY content/ content/
RUN dotnet publish src/HoaHung.Learning.Web/HoaHung.Learning.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# ffmpeg and espeak-ng make read-aloud audio and light videos in the background (docs/architecture.md §10); without
# them the site still runs, with no server audio and videos served as uploaded.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg espeak-ng \
    && rm -rf /var/lib/apt/lists/*
# The image's non-root user "app" owns the data volume and nothing else.
RUN mkdir -p /data && chown app:app /data
ENV ASPNETCORE_URLS=http://+:8080 \
    App__DataDirectory=/data \
    App__ContentDirectory=/app/content \
    DOTNET_NOLOGO=1
VOLUME ["/data"]
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "HoaHung.Learning.Web.dll"]
