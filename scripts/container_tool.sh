# Sourced by the image scripts: TOOL (podman or docker, whichever is installed; CONTAINER_TOOL
# chooses) and CT, the command with the options this machine needs.
if [ -n "${CONTAINER_TOOL:-}" ]; then
  TOOL=$CONTAINER_TOOL
elif command -v podman >/dev/null 2>&1; then
  TOOL=podman
elif command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  TOOL=docker
else
  TOOL=""
fi
CT=()
if [ "$TOOL" = podman ]; then
  CT=(podman)
  # Without systemd as init, podman must manage cgroups itself; without crun it needs runc.
  [ -d /run/systemd/system ] || CT+=(--cgroup-manager cgroupfs)
  if ! command -v crun >/dev/null 2>&1 && command -v runc >/dev/null 2>&1; then CT+=(--runtime runc); fi
elif [ -n "$TOOL" ]; then
  CT=("$TOOL")
fi
# Options for `run`: podman asks for more open files and processes than some hosts allow a
# container (runc then fails with "error setting rlimits"). The host's open-file limits fit; of
# processes, some sandboxes refuse more than about 32768 even below the host's limit.
RUN_OPTS=()
if [ "$TOOL" = podman ]; then
  procs=$(ulimit -Su)
  if [ "$procs" = unlimited ] || [ "$procs" -gt 32768 ]; then procs=32768; fi
  RUN_OPTS=(--ulimit "nofile=$(ulimit -Sn):$(ulimit -Hn)" --ulimit "nproc=$procs:$procs")
fi
# Options for `build`: podman writes OCI images by default, which drop HEALTHCHECK.
BUILD_OPTS=()
[ "$TOOL" != podman ] || BUILD_OPTS=(--format docker)
