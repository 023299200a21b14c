# syntax=docker/dockerfile:1
# SecureLaunch itself as an image: built with the .NET SDK, run on the ASP.NET Core runtime image (the
# embedded dev Vault needs the ASP.NET Core shared framework). It drives the host's Docker engine:
#
#   docker build -t securelaunch .
#   docker run --rm -it \
#     -v /var/run/docker.sock:/var/run/docker.sock \
#     -v /run/securelaunch:/run/securelaunch \
#     -v /var/lib/securelaunch:/var/lib/securelaunch \
#     -v "$PWD:/work" -w /work \
#     -e VAULT_ADDR -e VAULT_TOKEN \
#     securelaunch run
#
# The two extra mounts exist because the daemon resolves bind-mount sources on the host (docker/entrypoint.sh).
# Mounting the Docker socket gives this container root on the host, as it gives any client of the daemon.
#
# NOT BUILT OR RUN in SecureLaunch's own CI: the machines it is developed on cannot pull base images (no
# registry is reachable). It follows Docker's documented multi-stage pattern for .NET and is kept by review;
# docs/install.md says the same.

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
# gcc and the static C library build native/sl-init, the in-container init behind hidden env.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Restore first, from the project files alone, so source edits do not invalidate the restore layer.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/SecureLaunch.Cli/SecureLaunch.Cli.csproj src/SecureLaunch.Cli/
COPY src/SecureLaunch.Core/SecureLaunch.Core.csproj src/SecureLaunch.Core/SecureLaunch.Core.Native.targets src/SecureLaunch.Core/
COPY src/SecureLaunch.Vault/SecureLaunch.Vault.csproj src/SecureLaunch.Vault/
COPY src/SecureLaunch.Docker/SecureLaunch.Docker.csproj src/SecureLaunch.Docker/
COPY vault-dev/SecureLaunch.DevVault/SecureLaunch.DevVault.csproj vault-dev/SecureLaunch.DevVault/
RUN dotnet restore src/SecureLaunch.Cli/SecureLaunch.Cli.csproj
COPY README.md ./
COPY native/ native/
COPY src/ src/
COPY vault-dev/ vault-dev/
RUN dotnet publish src/SecureLaunch.Cli/SecureLaunch.Cli.csproj -c Release --no-restore -o /app -p:DebugType=none \
    && rm -f /app/*.xml \
    && test -x /app/native/sl-init

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --chmod=0755 docker/entrypoint.sh /usr/local/bin/securelaunch-entrypoint
ENV SECURELAUNCH_INIT=/var/lib/securelaunch/sl-init \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# The daemon runs the containers; this one only needs the socket. Root, because the socket is root's.
ENTRYPOINT ["/usr/local/bin/securelaunch-entrypoint"]
CMD ["--help"]
