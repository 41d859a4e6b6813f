"""GigaEvo fork server: imports heavy modules once, then forks one child per job.

Protocol (one JSON object per line): the host writes {"id": N, "request": {...}} on stdin; the server
answers {"id": N, "pid": P} once the child exists and {"id": N, "exit_code": C} or
{"id": N, "signal": S} when it ends. The child runs harness.run_child, which applies the same
isolation and limits as a fresh interpreter would.
"""
import gc
import importlib
import json
import os
import selectors
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402


def _send(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def _preload(names):
    loaded, versions = [], {}
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        loaded.append(name)
        versions[name] = getattr(module, "__version__", "")
    return loaded, versions


def _spawn(request):
    pid = os.fork()
    if pid == 0:
        try:
            signal.set_wakeup_fd(-1)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            devnull = os.open(os.devnull, os.O_RDONLY)
            os.dup2(devnull, 0)
            harness.run_child(request)
        finally:
            os._exit(5)
    return pid


def main():
    loaded, versions = _preload([n for n in sys.argv[1:] if n])
    gc.collect()
    gc.freeze()  # keeps the preloaded heap shared copy-on-write between children
    _send({"ready": True, "python": sys.version.split()[0], "preloaded": loaded, "versions": versions})

    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    running = {}
    sel = selectors.DefaultSelector()
    sel.register(sys.stdin.buffer.raw, selectors.EVENT_READ, "stdin")
    sel.register(wake_r, selectors.EVENT_READ, "wake")
    pending = b""
    while True:
        for key, _ in sel.select():
            if key.data == "wake":
                os.read(wake_r, 4096)
            else:
                chunk = os.read(sys.stdin.fileno(), 65536)
                if not chunk:
                    for pid in running:
                        try:
                            os.killpg(pid, signal.SIGKILL)
                        except OSError:
                            pass
                    return
                pending += chunk
                while b"\n" in pending:
                    line, pending = pending.split(b"\n", 1)
                    if line.strip():
                        message = json.loads(line)
                        request = message["request"]
                        if request["kind"] == "analyze":
                            # Parsing executes nothing, so the server answers it without forking.
                            _send({"id": message["id"], "inline": harness.analyze_inline(request)})
                            continue
                        pid = _spawn(request)
                        running[pid] = message["id"]
                        _send({"id": message["id"], "pid": pid})
        while running:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            job = running.pop(pid, None)
            if job is None:
                continue
            if os.WIFSIGNALED(status):
                _send({"id": job, "signal": os.WTERMSIG(status)})
            else:
                _send({"id": job, "exit_code": os.WEXITSTATUS(status)})


if __name__ == "__main__":
    main()
