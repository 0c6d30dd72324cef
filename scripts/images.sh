#!/usr/bin/env bash
# `make images`: builds the container images with podman or docker, whichever is installed:
#   localhost/asf-python   Debian 12's Python 3.11 and the project's locked dependencies (shared layer)
#   localhost/asf-actions  the action server
#   localhost/asf-rasa     the Rasa server with its channels, the trained model and the spaCy pipeline
#   localhost/asf-web      the intranet page behind nginx, proxying /socket.io and /webhooks to Rasa
# Each is tagged with the commit (IMAGE_TAG) and `latest`. Where no registry image can be pulled, the
# Debian base is built from Debian's packages with mmdebstrap and tagged under the public name the
# Containerfiles use, so the same Containerfiles build here and elsewhere.
# Built to be cheap the second time: the base only when its tag is missing, asf-python only when no
# image carries the hash of its inputs (deps-<hash>), and the other three with their code last, so
# a code change rebuilds a few small layers. Every layer is labelled, so the layers a new build
# replaced are removed afterwards without touching any other image on the machine.
source "$(dirname "$0")/common.sh"
source scripts/container_tool.sh
[ -n "$TOOL" ] || fail "Varken podman eller docker finns. Installera podman (t.ex. 'apt-get install podman runc') och försök igen."

DEBIAN_IMAGE=${DEBIAN_IMAGE:-docker.io/library/debian:bookworm-slim}
TAG=${IMAGE_TAG:-$(git rev-parse --short HEAD 2>/dev/null || echo dev)}
model=$(model_path)
[ -f "$model" ] && [ -d "$SPACY_DIR" ] || fail "Ingen tränad modell för nuvarande data. Kör 'make train' först."

image_exists() { "${CT[@]}" image inspect "$1" >/dev/null 2>&1; }

ensure_base_image() {
  image_exists "$DEBIAN_IMAGE" && return
  say "Hämtar $DEBIAN_IMAGE ..."
  timeout 120 "${CT[@]}" pull -q "$DEBIAN_IMAGE" >/dev/null 2>&1 && return
  say "$DEBIAN_IMAGE gick inte att hämta; bygger den från Debians paket med mmdebstrap ..."
  if ! command -v mmdebstrap >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || fail "mmdebstrap saknas. Kör 'sudo apt-get install mmdebstrap' och försök igen."
    apt-get install -y -q mmdebstrap >/dev/null 2>&1 || fail "mmdebstrap kunde inte installeras."
  fi
  local tarball
  tarball=$(mktemp --suffix=.tar)
  mmdebstrap --quiet --variant=minbase --include=ca-certificates bookworm "$tarball" \
    "deb http://deb.debian.org/debian bookworm main" \
    "deb http://deb.debian.org/debian bookworm-updates main" \
    "deb http://deb.debian.org/debian-security bookworm-security main" \
    || fail "mmdebstrap kunde inte bygga Debian-avbilden."
  "${CT[@]}" import -q "$tarball" "$DEBIAN_IMAGE" >/dev/null
  rm -f "$tarball"
}

# The build context: the files git knows (committed or new, never ignored ones such as .venv),
# and for the Rasa server the trained model and the spaCy pipeline.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
# Timestamps are kept (-p): an unchanged tree then gives the same COPY layers, which the cache reuses.
mkdir "$stage/code" "$stage/models"
git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} cp -p --parents -- {} "$stage/code/" 2>/dev/null || true
# A CA bundle for builds behind a proxy that re-signs HTTPS (mounted only during RUN, never in a layer).
volumes=()
for ca in "${SSL_CERT_FILE:-}" /etc/ssl/certs/ca-certificates.crt; do
  if [ -n "$ca" ] && [ -f "$ca" ]; then volumes=(--volume "$ca:/run/build-ca.crt:ro"); break; fi
done

LABEL=asf.images=scripts/images.sh
build() {  # name, Containerfile, context, extra tags and build args...
  local name=$1 file=$2 context=$3
  shift 3
  say "Bygger localhost/asf-$name:$TAG ..."
  "${CT[@]}" build --network host "${volumes[@]}" --label "$LABEL" -f "$file" -t "localhost/asf-$name:$TAG" \
    -t "localhost/asf-$name:latest" "$@" "$context" >"var/logs/image-$name.log" 2>&1 \
    || fail "Avbilden asf-$name gick inte att bygga; se var/logs/image-$name.log."
}

mkdir -p var/logs
ensure_base_image
# The dependencies: rebuilt only when the lock, the installer, the Containerfile or the base's name change.
deps="localhost/asf-python:deps-$(hash_inputs containers/python.Containerfile requirements/py311.lock requirements/installer.lock scripts/install.sh)-$(printf %s "$DEBIAN_IMAGE" | sha256sum | cut -c1-8)"
if image_exists "$deps"; then
  say "Beroendena är oförändrade: återanvänder $deps."
  for name in "localhost/asf-python:$TAG" localhost/asf-python:latest; do "${CT[@]}" tag "$deps" "$name"; done
else
  say "Beroendena har ändrats eller saknas: installerar dem i localhost/asf-python (första gången tar det 20–30 minuter) ..."
  build python containers/python.Containerfile "$stage/code" -t "$deps" --build-arg "DEBIAN_IMAGE=$DEBIAN_IMAGE"
  # One dependency image is kept: the earlier ones lose their tag (and go with the prune below).
  "${CT[@]}" images --format '{{.Repository}}:{{.Tag}}' localhost/asf-python 2>/dev/null | { grep ':deps-' || true; } \
    | { grep -vxF "$deps" || true; } | while read -r old; do "${CT[@]}" rmi "$old" >/dev/null 2>&1 || true; done
fi
build actions containers/actions.Containerfile "$stage/code" "${BUILD_OPTS[@]}" --build-arg "PYTHON_IMAGE=$deps"
build web containers/web.Containerfile "$stage/code" "${BUILD_OPTS[@]}" --build-arg "PYTHON_IMAGE=$deps" \
  --build-arg "DEBIAN_IMAGE=$DEBIAN_IMAGE"
cp -rp "$SPACY_DIR" "$stage/models/spacy-sv"
cp -p "$model" "$stage/models/asf.tar.gz"
build rasa containers/rasa.Containerfile "$stage/code" "${BUILD_OPTS[@]}" --build-arg "PYTHON_IMAGE=$deps" \
  --build-context "models=$stage/models"
# The layers this build replaced (labelled, no tag, no image built on them); other images stay.
"${CT[@]}" image prune -f --filter "label=$LABEL" >/dev/null 2>&1 || true
say "Klart: localhost/asf-python, -actions, -rasa och -web med taggen $TAG och latest."
