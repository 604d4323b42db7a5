# Portico server image.
#
#   docker build -t portico .
#   docker run --rm -p 8080:8080 -v portico-data:/var/lib/portico portico
#
# Without PORTICO_DATABASE_URL the server keeps a SQLite database under its data
# directory (/var/lib/portico), so mount a volume there. docker-compose.yml runs it
# against PostgreSQL instead.
#
# The RUN --mount cache below needs BuildKit, the default builder since Docker 23.

# ------------------------------------------------------------ web app stage
FROM node:20-bookworm-slim AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY openapi /src/openapi
COPY web ./
RUN npm run build

# ---------------------------------------------------------------- build stage
FROM rust:1-bookworm AS builder
WORKDIR /src

# The crate bundles SQLite, libpq and OpenSSL and compiles them from source. It needs
# only the C toolchain, perl and make, which this image already has, so no -dev
# packages are installed. .dockerignore keeps target/, data/ and node_modules out of
# the build context.
COPY . .

# The cache mounts keep the crate registry and target/ between builds. They are not
# part of the image, so the binary is copied out in the same step.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/usr/local/cargo/git \
    --mount=type=cache,target=/src/target \
    cargo build --release -p portico --locked \
 && install -m 0755 target/release/portico /usr/local/bin/portico

# -------------------------------------------------------------- runtime stage
FROM debian:bookworm-slim

# ca-certificates: TLS to SMTP servers, webhook endpoints and managed PostgreSQL.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/*

# Run as an unprivileged user that owns the data directory. A named volume mounted on
# /var/lib/portico takes this ownership the first time it is used.
RUN groupadd --system --gid 10001 portico \
 && useradd --system --uid 10001 --gid portico \
        --home-dir /var/lib/portico --shell /usr/sbin/nologin portico \
 && mkdir -p /var/lib/portico \
 && chown portico:portico /var/lib/portico

COPY --from=builder /usr/local/bin/portico /usr/local/bin/portico
COPY --from=web /src/web/dist /usr/share/portico/web

# The vendored OpenSSL that libpq uses looks for CA certificates under /usr/local/ssl.
# These variables point it at Debian's bundle instead, so that a database URL with
# sslrootcert=system (verify the server against the system CAs) works.
ENV PORTICO_LISTEN=0.0.0.0:8080 \
    PORTICO_DATA_DIR=/var/lib/portico \
    PORTICO_WEB_DIR=/usr/share/portico/web \
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
    SSL_CERT_DIR=/etc/ssl/certs

WORKDIR /var/lib/portico
USER 10001:10001
EXPOSE 8080

# There is no HEALTHCHECK, because the slim image has no curl. Orchestrators should
# probe GET /healthz (the process is up) and GET /readyz (the database answers).
ENTRYPOINT ["portico"]
CMD ["serve"]
